import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { STAT_KEYS, type EquitySummary, type StatKey } from "../../../analysis/equity";
import { STAT_LABELS, statisticMeaning } from "../../../words/equity";
import { moneyCents } from "../../ui/format";
import { countText, statText } from "../../ui/numbers";
import { column, note, scrollX, numHead } from "../../ui/styles";

const useStyles = makeStyles({
  col: column,
  wrap: scrollX,
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", verticalAlign: "top", paddingTop: tokens.spacingVerticalXS },
  label: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS },
  table: {
    "@container (max-width: 479px)": { "& td, & th": { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS } },
  },
  head: numHead,
  meaning: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalXS },
  note,
});

/** A statistic's label, naming the poverty measure for slope and r². */
export function statLabel(key: StatKey, poverty: string | null): string {
  if (key === "slope") return `Slope: $ per pupil per point of ${poverty ?? "poverty"}`;
  if (key === "r2") return `R² of the ${poverty ?? "poverty"} line`;
  return STAT_LABELS[key];
}

/** Both statistics columns (pupil-weighted and unweighted), each statistic with what it means in plain words. */
export function StatsTable({ summary }: { summary: EquitySummary }) {
  const s = useStyles();
  const poverty = summary.povertyNeed ?? "poverty";
  return (
    <div className={s.wrap}>
      <Table size="extra-small" className={s.table} aria-label="Equity statistics">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Statistic</TableHeaderCell>
            <TableHeaderCell className={s.head}>Pupil-weighted</TableHeaderCell>
            <TableHeaderCell className={s.head}>Unweighted</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {STAT_KEYS.map((k) => (
            <TableRow key={k}>
              <TableCell className={s.label}>
                <span>{statLabel(k, summary.povertyNeed)}</span>
                <span className={s.meaning}>{statisticMeaning(k, summary.pupilWeighted, poverty)}</span>
              </TableCell>
              <TableCell className={s.num}>{statText(k, summary.pupilWeighted[k])}</TableCell>
              <TableCell className={s.num}>{statText(k, summary.unweighted[k])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Restricted and unrestricted $ per pupil by poverty decile. */
export function DecileTable({ summary }: { summary: EquitySummary }) {
  const s = useStyles();
  if (summary.povertyNeed === null) return <Text className={s.note}>Enrollment has no need category, so schools cannot be grouped by poverty.</Text>;
  const pp = (c: number | null) => (c === null ? "—" : moneyCents(c));
  return (
    <div className={s.col}>
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label="Poverty deciles">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Decile of {summary.povertyNeed}</TableHeaderCell>
              <TableHeaderCell className={s.head}>Pupils</TableHeaderCell>
              <TableHeaderCell className={s.head}>Restricted</TableHeaderCell>
              <TableHeaderCell className={s.head}>Unrestricted</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.deciles.map((d) => (
              <TableRow key={d.decile}>
                <TableCell>{d.label}</TableCell>
                <TableCell className={s.num}>{d.schools === 0 ? "no school" : countText(d.students)}</TableCell>
                <TableCell className={s.num}>{pp(d.restrictedPerPupil)}</TableCell>
                <TableCell className={s.num}>{pp(d.unrestrictedPerPupil)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text className={s.note}>$ per pupil. Each decile holds about a tenth of the pupils, lowest {summary.povertyNeed} share first; a school is never split.</Text>
    </div>
  );
}

/** How many schools are high-EL, or why that cannot be counted. */
export function HighElText({ summary }: { summary: EquitySummary }) {
  const h = summary.highEl;
  if (h.need === null)
    return <Text size={200}>No need category counts English learners (e.g. a column named English Learners), so high-EL schools cannot be counted.</Text>;
  const names = summary.schools.filter((x) => x.highEl).map((x) => x.name);
  return (
    <Text size={200}>
      High-EL schools ({h.need} at least {h.thresholdPct}% of students): <strong>{h.schoolIds.length}</strong> of {summary.schools.length}
      {names.length ? ` (${names.join(", ")})` : ""}.
    </Text>
  );
}
