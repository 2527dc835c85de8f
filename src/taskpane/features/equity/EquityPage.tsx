import { useMemo } from "react";
import type { District } from "../../../engine/types";
import { editDecisions } from "../allocation/actions";
import { cancelWrite } from "../../store/effects";
import { useEnv, useStudio } from "../../store/root";
import type { Notice } from "../../store/types";
import { NeedsAllocation } from "../../ui/NeedsAllocation";
import { deleteSnapshot, equityOf, saveSnapshot, snapshotComparison, writeEquity } from "./actions";
import { EquityView } from "./EquityView";

/** Is money following need: equity statistics, deciles, snapshots and the weight solver. */
export function EquityPage() {
  const env = useEnv();
  const district = useStudio((x) => x.allocation.district);
  const allocation = useStudio((x) => x.allocation.allocation);
  const { snapshots, compare } = useStudio((x) => x.equity);
  const write = useStudio((x) => x.shell.write);
  const reading = useStudio((x) => x.inputs.reading);
  const summary = useMemo(() => (allocation ? equityOf(allocation) : null), [allocation]);
  const comparison = useMemo(() => snapshotComparison(snapshots, compare, allocation), [snapshots, compare, allocation]);
  if (!district || !allocation || !summary) return <NeedsAllocation title="Equity" />;
  return (
    <EquityView
      district={district}
      allocation={allocation}
      summary={summary}
      snapshots={snapshots}
      comparison={comparison}
      write={write}
      busy={reading || write.phase === "running"}
      onSaveSnapshot={(n) => void saveSnapshot(env, n)}
      onDeleteSnapshot={(n) => void deleteSnapshot(env, n)}
      onCompare={(name) => env.dispatch({ type: "snapshot/compare", name })}
      onWrite={() => void writeEquity(env)}
      onCancel={() => cancelWrite(env)}
      onApply={(d: District, notice: Notice) => editDecisions(env, d, notice, true)}
    />
  );
}
