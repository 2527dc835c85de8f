/** The Voices and Peer benchmark pages: the analyses of the tables as last read, wired to the store's actions. */
import { useMemo } from "react";
import { cancelWrite, writePlans } from "../../store/effects";
import { useEnv, useStudio } from "../../store/root";
import { insertTables, selectProblem } from "../inputs/actions";
import { analyseVoices, BENCHMARK_WRITE, benchmarkSheetPlans, VOICES_WRITE, voicesPlans, voicesTemplate } from "./analyse";
import { BenchmarkView } from "./BenchmarkView";
import { VoicesView } from "./VoicesView";

function useVoicesData() {
  const tables = useStudio((x) => x.inputs.tables);
  const district = useStudio((x) => x.allocation.parsed);
  return useMemo(() => analyseVoices(tables, district), [tables, district]);
}

/** Voices: the stakeholder survey (Tier 1) and the readiness inventory (Tier 2). */
export function VoicesPage() {
  const env = useEnv();
  const data = useVoicesData();
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  return (
    <VoicesView
      data={data}
      write={write}
      busy={reading || write.phase === "running"}
      problem={null}
      onInsertTemplate={() => void insertTables(env, voicesTemplate(env.getState().inputs.tables), "the survey template")}
      onWrite={() => void writePlans(env, VOICES_WRITE, () => voicesPlans(data))}
      onCancel={() => cancelWrite(env)}
      onSelectProblem={(e) => void selectProblem(env, e)}
    />
  );
}

/** Peer benchmark: spending and staffing by function against comparable districts. */
export function BenchmarkPage() {
  const env = useEnv();
  const data = useVoicesData();
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  return (
    <BenchmarkView
      data={data}
      write={write}
      busy={reading || write.phase === "running"}
      onWrite={() => void writePlans(env, BENCHMARK_WRITE, () => benchmarkSheetPlans(data))}
      onCancel={() => cancelWrite(env)}
      onSelectProblem={(e) => void selectProblem(env, e)}
    />
  );
}
