import { cancelWrite } from "../../store/effects";
import { requestDiscarding } from "../../shell/guard";
import { useEnv, useStudio } from "../../store/root";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { WriteOutcome } from "../../ui/WriteStatus";
import { compareScenarios, deleteScenario, saveScenario, writeComparison } from "./actions";
import { ScenariosView } from "./ScenariosView";

/** Saved scenarios: save the current decisions, load one, compare two and write the comparison. */
export function ScenariosPage() {
  const env = useEnv();
  const hasResults = useStudio((x) => x.allocation.allocation !== null);
  const { list, comparison } = useStudio((x) => x.scenarios);
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  if (!hasResults) return <NeedsAllocation title="Scenarios" />;
  const writing = write.phase === "running";
  return (
    <>
      <ScenariosView
        scenarios={list}
        comparison={comparison}
        canSave={!reading && !writing}
        writing={writing}
        onSave={(n) => void saveScenario(env, n)}
        onLoad={(n) => requestDiscarding(env, { kind: "load", name: n })}
        onDelete={(n) => void deleteScenario(env, n)}
        onCompare={(a, b) => compareScenarios(env, a, b)}
        onWriteComparison={() => void writeComparison(env)}
      />
      {write.phase !== "idle" && write.what === "comparison" && <WriteOutcome write={write} onCancel={() => cancelWrite(env)} />}
    </>
  );
}
