import { useMemo } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { explainSchool } from "../../engine/allocate/explain";
import type { Allocation, Line } from "../../engine/types";
import { moneyCents, students } from "../format";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  line: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  total: { display: "flex", justifyContent: "space-between", fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface SchoolDetailProps {
  allocation: Allocation;
  index: number;
  onClose: () => void;
}

function describe(line: Line): string {
  if (line.kind === "formula" && line.count !== null && line.rate !== null && line.level !== null && line.category !== null) {
    const who = line.category === "Base" ? "students" : `${line.category} students`;
    return `${students(line.count)} ${line.level} ${who} × ${moneyCents(line.rate)}`;
  }
  return line.text;
}

/** "How it was calculated": the engine's explanation lines (count × rate = $), source by source, and the total. */
export function SchoolDetail({ allocation, index, onClose }: SchoolDetailProps) {
  const s = useStyles();
  const school = allocation.schools[index];
  const lines = useMemo(() => explainSchool(allocation, index), [allocation, index]);
  const bySource = useMemo(() => {
    const groups: { source: string; lines: Line[] }[] = [];
    for (const l of lines) {
      const g = groups.find((x) => x.source === l.source);
      if (g) g.lines.push(l);
      else groups.push({ source: l.source, lines: [l] });
    }
    return groups;
  }, [lines]);
  const sum = lines.reduce((t, l) => t + l.amount, 0);
  if (!school) return null;
  return (
    <section className={s.root} aria-labelledby="sfs-detail-title">
      <div className={s.head}>
        <Text as="h3" id="sfs-detail-title" weight="semibold">
          How it was calculated: {school.name}
        </Text>
        <Button size="small" appearance="subtle" onClick={onClose}>
          Close
        </Button>
      </div>
      <Text className={s.note}>
        {students(school.students)} students{school.adjustment ? ` · adjusted by ${school.adjustment}` : ""}
      </Text>
      {bySource.map((g) => (
        <div key={g.source}>
          <Text weight="semibold" size={200}>
            {g.source}
          </Text>
          <ul className={s.list}>
            {g.lines.map((l, k) => (
              <li key={k} className={s.line} title={l.text}>
                <span>{describe(l)}</span>
                <span className={s.amount}>{moneyCents(l.amount)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {lines.length === 0 && <Text className={s.note}>This school receives nothing from any source.</Text>}
      <div className={s.total}>
        <span>Total</span>
        <span className={s.amount} data-testid="detail-total">
          {moneyCents(sum)}
        </span>
      </div>
      {sum !== school.total && <Text className={s.note}>The lines sum to {moneyCents(sum)}, the school total is {moneyCents(school.total)}.</Text>}
    </section>
  );
}
