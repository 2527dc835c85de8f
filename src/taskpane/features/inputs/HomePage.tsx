import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { runAllocation } from "../allocation/actions";
import { ResultCards } from "../allocation/ResultCards";
import { goTo } from "../../shell/navigate";
import { useEnv, useStudio } from "../../store/root";
import { WarningList } from "../../ui/WarningList";
import { actionRow, column, heading, note } from "../../ui/styles";
import { insertBlank, locate, selectProblem } from "./actions";
import { InputsView } from "./InputsView";
import type { TableStatus } from "../../../host/types";
import { requestDiscarding } from "../../shell/guard";

export const REQUIRED_TABLES = ["Schools", "Enrollment", "Weights", "Revenue"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: column,
  h: heading,
  actions: { ...actionRow, alignItems: "center" },
  note,
});

/** Workbook status in words, e.g. "4 of 4 required tables found". */
export function workbookStatus(status: TableStatus[] | null, required: string[]): string {
  if (!status) return "Workbook not read yet";
  const found = required.filter((r) => status.some((s) => s.name === r && s.found)).length;
  if (!status.some((s) => s.found)) return "No input tables in this workbook";
  return `${found} of ${required.length} required tables found`;
}

/** Home: the input tables and their problems, Allocate, and the totals once allocated. */
export function HomePage() {
  const s = useStyles();
  const env = useEnv();
  const inputs = useStudio((x) => x.inputs);
  const valid = useStudio((x) => x.allocation.district !== null);
  const allocation = useStudio((x) => x.allocation.allocation);
  const writing = useStudio((x) => x.shell.write.phase === "running");
  const busy = inputs.reading || writing;
  if (!inputs.status) return <Text className={s.note}>Reading the workbook…</Text>;
  return (
    <div className={s.root}>
      <Text className={s.note} role="status">
        {workbookStatus(inputs.status, REQUIRED_TABLES)}
      </Text>
      <InputsView
        status={inputs.status}
        required={REQUIRED_TABLES}
        problems={inputs.problems}
        busy={busy}
        locate={(e) => locate(env, e)}
        onSelectProblem={(e) => void selectProblem(env, e)}
        onInsertSample={() => requestDiscarding(env, { kind: "sample" })}
        onInsertBlank={() => void insertBlank(env)}
      />
      <WarningList warnings={inputs.warnings} />
      {valid && (
        <section className={s.section} aria-label="Allocation">
          <div className={s.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => runAllocation(env) && goTo(env, "allocation")}>
              Allocate
            </Button>
            {!allocation && <Text size={200}>The inputs are valid. Allocate to see each school&apos;s budget.</Text>}
          </div>
          {allocation && (
            <>
              <ResultCards allocation={allocation} />
              <Text className={s.note}>
                <Link as="button" onClick={() => goTo(env, "allocation")}>
                  The funding formula
                </Link>{" "}
                ·{" "}
                <Link as="button" onClick={() => goTo(env, "schools")}>
                  Each school&apos;s budget
                </Link>
              </Text>
            </>
          )}
        </section>
      )}
    </div>
  );
}

