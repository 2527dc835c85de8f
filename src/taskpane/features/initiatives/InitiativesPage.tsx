import { cancelWrite } from "../../store/effects";
import { useEnv, useStudio } from "../../store/root";
import { analyseInitiatives, aroiOutcome, insertInitiativesTemplate, setOverride, writeAroi } from "./actions";
import { InitiativesView } from "./InitiativesView";

/** Initiatives: the A-ROI of each initiative, the user's actions and the A-ROI sheets. */
export function InitiativesPage() {
  const env = useEnv();
  const hasTable = useStudio((x) => (x.inputs.status ?? []).some((t) => t.found && t.name.toLowerCase() === "initiatives"));
  const aroi = useStudio(aroiOutcome);
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  return (
    <InitiativesView
      hasTable={hasTable}
      aroi={aroi}
      write={write}
      busy={reading || write.phase === "running"}
      onAnalyse={() => void analyseInitiatives(env)}
      onInsertTemplate={() => void insertInitiativesTemplate(env)}
      onOverride={(n, o) => void setOverride(env, n, o)}
      onWrite={() => void writeAroi(env)}
      onCancel={() => cancelWrite(env)}
    />
  );
}
