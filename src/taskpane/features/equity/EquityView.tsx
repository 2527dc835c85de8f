import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { EquitySummary, SnapshotComparison } from "../../../analysis/equity";
import type { Allocation, District } from "../../../engine/types";
import type { Notice, WriteState } from "../../store/types";
import { EQUITY_WRITE, type SnapshotRecord } from "./snapshots";
import { DecileTable, HighElText, StatsTable } from "./EquityStats";
import { SnapshotsPanel } from "./SnapshotsPanel";
import { SolvePanel } from "./SolvePanel";
import { EquityCharts } from "../../charts/Charts";
import { WriteStatus } from "../../ui/WriteStatus";
import { column, heading, subheading, actionRow, note, bulletList } from "../../ui/styles";
import { equityWordsOf } from "../../../words/equity";

const useStyles = makeStyles({
  root: column,
  h: heading,
  h3: subheading,
  list: bulletList,
  actions: actionRow,
  note,
});

export interface EquityViewProps {
  district: District;
  allocation: Allocation;
  summary: EquitySummary;
  snapshots: SnapshotRecord[];
  comparison: SnapshotComparison | null;
  write: WriteState;
  /** Reading or writing. */
  busy: boolean;
  onSaveSnapshot: (name: string) => void;
  onDeleteSnapshot: (name: string) => void;
  onCompare: (name: string | null) => void;
  onWrite: () => void;
  onCancel: () => void;
  onApply: (district: District, notice: Notice) => void;
}

/** "Is money following need?": equity statistics, the readings in words, deciles, snapshots and the weight solver. */
export function EquityView(p: EquityViewProps) {
  const s = useStyles();
  const { summary } = p;
  const running = p.write.phase === "running";
  const blocked = p.allocation.errors.length > 0;
  const words = equityWordsOf(summary);
  return (
    <section className={s.root} aria-labelledby="sfs-equity">
      <h2 id="sfs-equity" className={s.h}>
        Equity
      </h2>
      <h3 className={s.h3}>Horizontal equity: similar pupils, similar funding</h3>
      <ul className={s.list} aria-label="Horizontal equity">
        {words.horizontal.map((t, k) => (
          <li key={k}>
            <Text size={200}>{t}</Text>
          </li>
        ))}
      </ul>
      <h3 className={s.h3}>Vertical equity: more for more need</h3>
      <ul className={s.list} aria-label="Vertical equity">
        {words.vertical.map((t, k) => (
          <li key={k}>
            <Text size={200}>{t}</Text>
          </li>
        ))}
      </ul>
      <HighElText summary={summary} />
      <EquityCharts summary={summary} />
      {summary.excluded.length > 0 && (
        <Text className={s.note}>Left out (no students): {summary.excluded.map((x) => x.name).join(", ")}.</Text>
      )}
      <div className={s.actions}>
        <Button disabled={p.busy || running || blocked} onClick={p.onWrite}>
          Write equity sheets
        </Button>
        {p.comparison && <Text className={s.note}>The sheets include the comparison with {p.comparison.base}.</Text>}
      </div>
      <WriteStatus write={p.write} what={EQUITY_WRITE} onCancel={p.onCancel} />
      <Accordion multiple collapsible defaultOpenItems={["stats"]}>
        <AccordionItem value="stats">
          <AccordionHeader>Statistics</AccordionHeader>
          <AccordionPanel>
            <StatsTable summary={summary} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="deciles">
          <AccordionHeader>Poverty deciles</AccordionHeader>
          <AccordionPanel>
            <DecileTable summary={summary} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="snapshots">
          <AccordionHeader>Snapshots</AccordionHeader>
          <AccordionPanel>
            <SnapshotsPanel
              snapshots={p.snapshots}
              comparison={p.comparison}
              canSave={!p.busy}
              povertyNeed={summary.povertyNeed}
              onSave={p.onSaveSnapshot}
              onDelete={p.onDeleteSnapshot}
              onCompare={p.onCompare}
            />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="solve">
          <AccordionHeader>Solve for a target</AccordionHeader>
          <AccordionPanel>
            <SolvePanel district={p.district} allocation={p.allocation} disabled={p.busy} onApply={p.onApply} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
