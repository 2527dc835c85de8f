import { useId, useMemo } from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { explainSchool } from "../../../engine/allocate/explain";
import type { Allocation, Line } from "../../../engine/types";
import { money, moneyCents, signedMoney, signedPercent, students, trueMinus } from "../../ui/format";
import type { CalculatorState } from "../calculators/state";
import { CalculatorStatus } from "../calculators/CalculatorsView";
import { note, gain, loss } from "../../ui/styles";
import { AVAILABLE_LABEL, CARRIED_LABEL, carriedWords, lineText } from "../../../words/allocation";

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
  head: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  title: { minWidth: 0, overflowWrap: "break-word" },
  close: { flexShrink: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  line: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", textAlign: "right" },
  total: { display: "flex", justifyContent: "space-between", fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  note,
  calc: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  gain,
  loss,
});

export interface SchoolDetailProps {
  allocation: Allocation;
  index: number;
  onClose: () => void;
  /** The school calculator action; absent where calculators are not offered. */
  calculator?: {
    state: CalculatorState;
    canBuild: boolean;
    onCreate: (index: number) => void;
    onDownloadInstead: () => void;
  };
}

function describe(line: Line): string {
  if (line.kind === "formula" && line.count !== null && line.rate !== null && line.level !== null && line.category !== null) {
    const who = line.category === "Base" ? "students" : `${line.category} students`;
    return `${students(line.count)} ${line.level} ${who} × ${moneyCents(line.rate)}`;
  }
  return trueMinus(lineText(line));
}

type AllocatedSchool = Allocation["schools"][number];

/** The school's explanation lines, grouped by source in the order they come, and their sum. */
function useSourceGroups(allocation: Allocation, index: number) {
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
  return { lines, bySource, sum };
}

/** One source's lines: what was counted × the rate, and the amount. */
function SourceLines({ source, lines }: { source: string; lines: Line[] }) {
  const s = useStyles();
  return (
    <div>
      <Text weight="semibold" size={200}>
        {source}
      </Text>
      <ul className={s.list}>
        {lines.map((l, k) => (
          <li key={k} className={s.line} title={lineText(l)}>
            <span>{describe(l)}</span>
            <span className={s.amount}>{moneyCents(l.amount)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The balance carried from last year and what is available to spend, when the school carries one. */
function CarriedLines({ school }: { school: AllocatedSchool }) {
  const s = useStyles();
  if (school.carryOver === null || school.available === null) return null;
  return (
    <>
      <div className={s.line}>
        <span>{CARRIED_LABEL}</span>
        <span className={mergeClasses(s.amount, school.carryOver > 0 ? s.gain : school.carryOver < 0 ? s.loss : undefined)} data-testid="detail-carried">
          {carriedWords(school.carryOver)}
        </span>
      </div>
      <div className={s.line}>
        <span>{AVAILABLE_LABEL}</span>
        <span className={s.amount} data-testid="detail-available">
          {moneyCents(school.available)}
        </span>
      </div>
    </>
  );
}

/** The current budget and the change from it, when the school has one. */
function CurrentLines({ school }: { school: AllocatedSchool }) {
  const s = useStyles();
  if (school.current === null) return null;
  const current = school.current;
  return (
    <>
      <div className={s.line}>
        <span>Current budget</span>
        <span className={s.amount}>{money(current)}</span>
      </div>
      <div className={s.line}>
        <span>Change</span>
        <span className={mergeClasses(s.amount, school.total > current ? s.gain : school.total < current ? s.loss : undefined)}>
          {signedMoney(school.total - current)}
          {current ? ` (${signedPercent((school.total - current) / current)})` : ""}
        </span>
      </div>
    </>
  );
}

/** Create calculator for this school, and its progress. */
function CalculatorAction({ calculator, index }: { calculator: NonNullable<SchoolDetailProps["calculator"]>; index: number }) {
  const s = useStyles();
  const calcHint = useId();
  return (
    <div className={s.calc}>
      <div className={s.actions}>
        <Button size="small" disabled={!calculator.canBuild || calculator.state.phase === "running"} onClick={() => calculator.onCreate(index)} aria-describedby={calcHint}>
          Create calculator
        </Button>
        <Text id={calcHint} className={s.note}>
          This school&apos;s budget as a workbook for its principal, with live formulas.
        </Text>
      </div>
      {calculator.state.phase !== "idle" && calculator.state.what === "one" && calculator.state.school === index && (
        <CalculatorStatus calculator={calculator.state} onDownloadInstead={calculator.onDownloadInstead} />
      )}
    </div>
  );
}

/** "How it was calculated": the engine's explanation lines (count × rate = $), source by source, and the total. */
export function SchoolDetail({ allocation, index, onClose, calculator }: SchoolDetailProps) {
  const s = useStyles();
  const school = allocation.schools[index];
  const { lines, bySource, sum } = useSourceGroups(allocation, index);
  if (!school) return null;
  return (
    <section className={s.root} aria-labelledby="sfs-detail-title">
      <div className={s.head}>
        <Text as="h3" id="sfs-detail-title" weight="semibold" className={s.title}>
          How it was calculated: {school.name}
        </Text>
        <Button className={s.close} size="small" appearance="subtle" onClick={onClose}>
          Close
        </Button>
      </div>
      <Text className={s.note}>
        {students(school.students)} students{school.adjustment ? ` · adjusted by ${school.adjustment}` : ""}
      </Text>
      {bySource.map((g) => (
        <SourceLines key={g.source} source={g.source} lines={g.lines} />
      ))}
      {lines.length === 0 && <Text className={s.note}>This school receives nothing from any source.</Text>}
      <div className={s.total}>
        <span>Total</span>
        <span className={s.amount} data-testid="detail-total">
          {moneyCents(sum)}
        </span>
      </div>
      <CarriedLines school={school} />
      <CurrentLines school={school} />
      {sum !== school.total && <Text className={s.note}>The lines sum to {moneyCents(sum)}, the school total is {moneyCents(school.total)}.</Text>}
      {calculator && <CalculatorAction calculator={calculator} index={index} />}
    </section>
  );
}
