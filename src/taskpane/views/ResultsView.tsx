import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Allocation, District } from "../../engine/types";
import { money } from "../format";
import { MatrixGrid } from "./MatrixGrid";
import { PolicyPanel } from "./PolicyPanel";
import { SchoolDetail, type SchoolDetailProps } from "./SchoolDetail";
import { SchoolTable } from "./SchoolTable";
import { SourcesPanel } from "./SourcesPanel";
import { column, heading, loss } from "./styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: column,
  // Two cards a row in a 350 px pane (an amount in the billions still fits), more when the pane is wider.
  totals: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  stat: {
    display: "flex",
    flexDirection: "column",
    justifyContent: "space-between",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    margin: 0,
  },
  statLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  statValue: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    textAlign: "right",
    margin: 0,
  },
  bad: loss,
  h: heading,
});

export interface ResultsViewProps {
  district: District;
  allocation: Allocation;
  detail: number | null;
  selected: number[];
  /** Changes when decisions were replaced from outside the editors (their typed drafts are then dropped). */
  revision: number;
  onChange: (district: District) => void;
  onOpen: (index: number | null) => void;
  onSelect: (indexes: number[]) => void;
  /** "Create calculator" in the school detail. */
  calculator?: SchoolDetailProps["calculator"];
}

export function ResultsView({ district, allocation, detail, selected, revision, onChange, onOpen, onSelect, calculator }: ResultsViewProps) {
  const s = useStyles();
  const t = allocation.totals;
  const stats: { label: string; value: number; bad?: boolean }[] = [
    { label: "Revenue pool", value: t.revenue },
    { label: "Held centrally", value: t.central },
    { label: "To schools", value: t.schools },
  ];
  if (t.surplus !== 0) stats.push({ label: "Surplus (kept centrally)", value: t.surplus });
  if (t.unfunded !== 0) stats.push({ label: "Unfunded", value: t.unfunded, bad: true });
  return (
    <div className={s.root}>
      <section className={s.section} aria-labelledby="sfs-totals">
        <h2 id="sfs-totals" className={s.h}>
          Results
        </h2>
        <dl className={s.totals} aria-label="Totals">
          {stats.map((x) => (
            <div key={x.label} className={s.stat}>
              <dt className={s.statLabel}>{x.label}</dt>
              <dd className={mergeClasses(s.statValue, x.bad && s.bad)}>{money(x.value)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className={s.section} aria-labelledby="sfs-matrix">
        <h2 id="sfs-matrix" className={s.h}>
          Funding formula
        </h2>
        <Text size={200}>Edit a cell to re-allocate at once. Below each cell: the other view of the formula.</Text>
        <MatrixGrid key={revision} district={district} allocation={allocation} onChange={onChange} />
      </section>
      <section className={s.section} aria-labelledby="sfs-schools">
        <h2 id="sfs-schools" className={s.h}>
          Schools
        </h2>
        <SchoolTable allocation={allocation} selected={selected} onSelect={onSelect} onOpen={(i) => onOpen(i)} />
        {detail !== null && detail < allocation.schools.length && <SchoolDetail allocation={allocation} index={detail} onClose={() => onOpen(null)} calculator={calculator} />}
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
    </div>
  );
}
