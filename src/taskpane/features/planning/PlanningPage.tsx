import { locate, selectProblem } from "../inputs/actions";
import { cancelWrite } from "../../store/effects";
import { useEnv, useStudio } from "../../store/root";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { analysePlanning, planningOutcome, setOpportunityStatus, setPlanYears, writePlanning } from "./actions";
import { PlanningView } from "./PlanningView";
import { DEFAULT_PLAN_YEARS, settingKey } from "../../../engine/policySettings";
import type { District } from "../../../engine/types";
import { PANE_MAX_YEARS } from "./records";

/** The Policy's Plan Years as the pane plans them (the default when blank or not a whole number; at most the pane's limit). */
export function policyPlanYears(d: District): number {
  const v = Number(d.policy.raw[settingKey("Plan Years")]);
  return Number.isInteger(v) && v >= 1 ? Math.min(v, PANE_MAX_YEARS) : DEFAULT_PLAN_YEARS;
}

/** The optional tables the Planning view reads besides the allocation tables. */
export const PLANNING_TABLES = ["Budget Lines", "Opportunities", "Projections"];

/** Planning: the budget tree, savings, the multi-year plan and the shadow notice. */
export function PlanningPage() {
  const env = useEnv();
  const district = useStudio((x) => x.allocation.district);
  const planTables = useStudio((x) => x.planning.tables ?? x.inputs.tables);
  const { lib, analysing, years } = useStudio((x) => x.planning);
  const outcome = useStudio(planningOutcome);
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  if (!district) return <NeedsAllocation title="Planning" />;
  return (
    <PlanningView
      tables={PLANNING_TABLES.filter((n) => planTables[n.toLowerCase()] !== undefined)}
      outcome={outcome}
      lib={lib}
      analysing={analysing}
      years={years}
      policyYears={policyPlanYears(district)}
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
