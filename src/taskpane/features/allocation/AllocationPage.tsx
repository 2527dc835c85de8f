import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AllocationCharts } from "../../charts/Charts";
import { BoardPackButton } from "../../charts/BoardPackButton";
import { formatError } from "../../../words/errors";
import type { District } from "../../../engine/types";
import { allocationWarningText } from "../../../words/allocation";
import { cancelWrite } from "../../store/effects";
import { useEnv, useStudio } from "../../store/root";
import type { WriteState } from "../../store/types";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { WarningList } from "../../ui/WarningList";
import { column, heading } from "../../ui/styles";
import { editDecisions, writeResults } from "./actions";
import { MatrixGrid } from "./MatrixGrid";
import { PolicyPanel } from "./PolicyPanel";
import { ResultCards } from "./ResultCards";
import { SourcesPanel } from "./SourcesPanel";
import { WriteView } from "./WriteView";
import { SchoolTable } from "../schools/SchoolTable";
import { openSchool } from "../../shell/navigate";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: column,
  h: heading,
});

/** Writes made from their own views (A-ROI, equity, planning, comparison) show there, not under "Workbook". */
export function isResultsWrite(w: WriteState): boolean {
  return w.phase === "idle" || w.what === "results" || w.what === "selected schools";
}

/**
 * The allocation: the totals, the funding formula (matrix), each school's result (a school opens in the Schools
 * view), sources and policy, and writing the results.
 */
export function AllocationPage() {
  const s = useStyles();
  const env = useEnv();
  const district = useStudio((x) => x.allocation.district);
  const allocation = useStudio((x) => x.allocation.allocation);
  const revision = useStudio((x) => x.allocation.revision);
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  const selected = useStudio((x) => x.schools.selected);
  if (!district || !allocation) return <NeedsAllocation title="Allocation" />;
  const onChange = (d: District) => editDecisions(env, d);
  const busy = reading || write.phase === "running";
  return (
    <div className={s.root}>
      {allocation.errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>These decisions cannot be carried out</MessageBarTitle>
            {allocation.errors.map(formatError).join(" ")} Nothing can be written until this is fixed.
          </MessageBarBody>
        </MessageBar>
      )}
      <WarningList title="About this allocation" warnings={allocation.warnings.map(allocationWarningText)} />
      <section className={s.section} aria-labelledby="sfs-totals">
        <h2 id="sfs-totals" className={s.h}>
          Results
        </h2>
        <ResultCards allocation={allocation} />
        <AllocationCharts allocation={allocation} />
        <BoardPackButton />
      </section>
      <section className={s.section} aria-labelledby="sfs-matrix">
        <h2 id="sfs-matrix" className={s.h}>
          Funding formula
        </h2>
        <Text size={200}>Edit a cell to re-allocate at once.</Text>
        <MatrixGrid key={revision} district={district} allocation={allocation} onChange={onChange} />
      </section>
      <section className={s.section} aria-labelledby="sfs-schools-list">
        <h2 id="sfs-schools-list" className={s.h}>
          Schools
        </h2>
        <SchoolTable
          allocation={allocation}
          selected={selected}
          onSelect={(indexes) => env.dispatch({ type: "schools/select", indexes })}
          onOpen={(index) => openSchool(env, index)}
        />
      </section>
      <section className={s.section} aria-labelledby="sfs-sources">
        <h2 id="sfs-sources" className={s.h}>
          Sources
        </h2>
        <SourcesPanel key={revision} district={district} onChange={onChange} />
      </section>
      <section className={s.section} aria-labelledby="sfs-policy">
        <h2 id="sfs-policy" className={s.h}>
          Policy
        </h2>
        <PolicyPanel key={revision} district={district} onChange={onChange} />
      </section>
      <WriteView
        write={isResultsWrite(write) ? write : { phase: "idle" }}
        selectedCount={selected.length}
        canWrite={!busy && allocation.errors.length === 0}
        onWrite={(sel) => void writeResults(env, sel)}
        onCancel={() => cancelWrite(env)}
      />
    </div>
  );
}
