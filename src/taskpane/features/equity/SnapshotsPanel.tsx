import { useId } from "react";
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { STAT_KEYS, type SnapshotComparison, type Verdict } from "../../../analysis/equity";
import { moneyCents } from "../../ui/format";
import type { SnapshotRecord } from "./snapshots";
import { statLabel } from "./EquityStats";
import { statChangeText, statText } from "../../ui/numbers";
import { column, subheading, note, plainList, itemName, scrollX, num, gain, loss } from "../../ui/styles";
import { SaveNameForm } from "../../ui/SaveNameForm";

const useStyles = makeStyles({
  col: column,
  list: plainList,
  item: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  itemName,
  wrap: scrollX,
  num,
  better: gain,
  worse: loss,
  note,
  h: subheading,
});

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

function savedText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : when.format(d);
}

export interface SnapshotsPanelProps {
  snapshots: SnapshotRecord[];
  comparison: SnapshotComparison | null;
  canSave: boolean;
  povertyNeed: string | null;
  onSave: (name: string) => void;
  onDelete: (name: string) => void;
  onCompare: (name: string | null) => void;
}

function SnapshotItem({ r, canSave, onCompare, onDelete }: { r: SnapshotRecord; canSave: boolean; onCompare: (n: string) => void; onDelete: (n: string) => void }) {
  const s = useStyles();
  const id = useId();
  return (
    <li className={s.item}>
      <Text id={id} className={s.itemName}>
        {r.name} <span className={s.note}>{r.error ? `(cannot be read: ${r.error})` : savedText(r.savedAt)}</span>
      </Text>
      <Button size="small" aria-describedby={id} disabled={!r.snapshot} onClick={() => onCompare(r.name)}>
        Compare with current
      </Button>
      <Button size="small" appearance="subtle" aria-label={`Delete snapshot ${r.name}`} disabled={!canSave} onClick={() => onDelete(r.name)}>
        Delete
      </Button>
    </li>
  );
}

/** The pupil-weighted statistics, snapshot against current, each change marked better or worse. */
function StatsComparison({ comparison, povertyNeed }: { comparison: SnapshotComparison; povertyNeed: string | null }) {
  const s = useStyles();
  const tone = (v: Verdict) => (v === "better" ? s.better : v === "worse" ? s.worse : undefined);
  const pupilStats = comparison.stats.filter((x) => x.form === "pupilWeighted");
  return (
    <div className={s.wrap}>
      <Table size="extra-small" aria-label={`Snapshot ${comparison.base} compared with ${comparison.other}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Pupil-weighted</TableHeaderCell>
            <TableHeaderCell>Snapshot</TableHeaderCell>
            <TableHeaderCell>Current</TableHeaderCell>
            <TableHeaderCell>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {STAT_KEYS.map((k) => {
            const x = pupilStats.find((p) => p.key === k);
            if (!x) return null;
            return (
              <TableRow key={k}>
                <TableCell>{statLabel(k, povertyNeed)}</TableCell>
                <TableCell className={s.num}>{statText(k, x.base)}</TableCell>
                <TableCell className={s.num}>{statText(k, x.other)}</TableCell>
                <TableCell className={mergeClasses(s.num, tone(x.verdict))}>
                  {statChangeText(k, x.change)}
                  {x.verdict === "better" || x.verdict === "worse" ? ` (${x.verdict})` : ""}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** Each school's $ per pupil, snapshot against current. */
function SchoolsComparison({ comparison }: { comparison: SnapshotComparison }) {
  const s = useStyles();
  return (
    <div className={s.wrap}>
      <Table size="extra-small" aria-label={`$ per pupil by school: ${comparison.base} and ${comparison.other}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>School ($ per pupil)</TableHeaderCell>
            <TableHeaderCell>Snapshot</TableHeaderCell>
            <TableHeaderCell>Current</TableHeaderCell>
            <TableHeaderCell>Change</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparison.schools.map((x) => (
            <TableRow key={x.id}>
              <TableCell>{x.name}</TableCell>
              <TableCell className={s.num}>{moneyCents(x.base)}</TableCell>
              <TableCell className={s.num}>{moneyCents(x.other)}</TableCell>
              <TableCell className={s.num}>{statChangeText("mean", x.change)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** One snapshot compared with the current allocation: statistics, schools, schools in only one of them, and Close. */
function ComparisonSection({ comparison, povertyNeed, onCompare }: { comparison: SnapshotComparison; povertyNeed: string | null; onCompare: (name: string | null) => void }) {
  const s = useStyles();
  return (
    <div className={s.col}>
      <h4 className={s.h}>
        {comparison.base} vs {comparison.other}
      </h4>
      <StatsComparison comparison={comparison} povertyNeed={povertyNeed} />
      <SchoolsComparison comparison={comparison} />
      {(comparison.onlyInBase.length > 0 || comparison.onlyInOther.length > 0) && (
        <Text className={s.note}>
          {comparison.onlyInBase.length > 0 ? `Only in the snapshot: ${comparison.onlyInBase.join(", ")}. ` : ""}
          {comparison.onlyInOther.length > 0 ? `Only now: ${comparison.onlyInOther.join(", ")}.` : ""}
        </Text>
      )}
      <div>
        <Button size="small" appearance="subtle" onClick={() => onCompare(null)}>
          Close comparison
        </Button>
      </div>
    </div>
  );
}

/** Equity snapshots saved in the workbook, and the comparison of one with the current allocation. */
export function SnapshotsPanel({ snapshots, comparison, canSave, povertyNeed, onSave, onDelete, onCompare }: SnapshotsPanelProps) {
  const s = useStyles();
  return (
    <div className={s.col}>
      <SaveNameForm label="Snapshot name" placeholder="e.g. 2025-26 adopted" action="Save snapshot" canSave={canSave} onSave={onSave} />
      {snapshots.length === 0 ? (
        <Text className={s.note}>No snapshots yet. A snapshot keeps today's equity statistics and per-school $ per pupil in the workbook, to compare later.</Text>
      ) : (
        <ul className={s.list} aria-label="Saved snapshots">
          {snapshots.map((r) => (
            <SnapshotItem key={r.name} r={r} canSave={canSave} onCompare={onCompare} onDelete={onDelete} />
          ))}
        </ul>
      )}
      {comparison && <ComparisonSection comparison={comparison} povertyNeed={povertyNeed} onCompare={onCompare} />}
    </div>
  );
}
