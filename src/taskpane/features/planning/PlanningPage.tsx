import { locate, selectProblem } from "../inputs/actions";
import { cancelWrite } from "../../store/effects";
import { useEnv, useStudio } from "../../store/root";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { analysePlanning, planningOutcome, setOpportunityStatus, setPlanYears, writePlanning } from "./actions";
import { PlanningView } from "./PlanningView";

/** The optional tables the Planning view reads besides the allocation tables. */
export const PLANNING_TABLES = ["Budget Lines", "Opportunities", "Projections"];

/** Planning: the budget tree, savings, the multi-year plan and the shadow notice. */
export function PlanningPage() {
  const env = useEnv();
  const valid = useStudio((x) => x.allocation.district !== null);
  const planTables = useStudio((x) => x.planning.tables ?? x.inputs.tables);
  const { lib, analysing, years } = useStudio((x) => x.planning);
  const outcome = useStudio(planningOutcome);
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  if (!valid) return <NeedsAllocation title="Planning" />;
  return (
    <PlanningView
      tables={PLANNING_TABLES.filter((n) => planTables[n.toLowerCase()] !== undefined)}
      outcome={outcome}
      lib={lib}
      analysing={analysing}
      years={years}
      write={write}
      busy={reading || write.phase === "running"}
      locate={(e) => locate(env, e)}
      onSelectProblem={(e) => void selectProblem(env, e)}
      onAnalyse={() => void analysePlanning(env)}
      onYears={(y) => setPlanYears(env, y)}
      onStatus={(n, status) => void setOpportunityStatus(env, n, status)}
      onWrite={() => void writePlanning(env)}
      onCancel={() => cancelWrite(env)}
    />
  );
}
