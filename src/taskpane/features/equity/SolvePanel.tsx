import { useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
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
import { measure, solveWeight, type SolveResult, type SolveTarget } from "../../../analysis/equity";
import type { Allocation, District } from "../../../engine/types";
import { formatError } from "../../../words/errors";
import { money, moneyCents, signedMoney } from "../../ui/format";
import type { Notice } from "../../store/types";
import { indexText, plainNumber } from "../../ui/numbers";
import { column, actionRow, note, scrollX, num, gain, loss } from "../../ui/styles";

const useStyles = makeStyles({
  col: column,
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  actions: actionRow,
  wrap: scrollX,
  num,
  gain,
  loss,
  note,
});

export type TargetKind = SolveTarget["kind"];

const TOP_MOVERS = 5;

/** A typed number ("$12.50", "1,200", "-3", "0.95"), or null. */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[$,\s]/g, "");
  if (t === "" || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** The target's measure in words: slope in $ per pupil per point, McLoone as an index, a budget in $. */
export function measureText(kind: TargetKind, v: number): string {
  if (!Number.isFinite(v)) return "not defined";
  if (kind === "slope") return `${moneyCents(v)} per pupil per point`;
  if (kind === "mcloone") return indexText(v);
  return money(v);
}

export interface SolvePanelProps {
  district: District;
  allocation: Allocation;
  disabled: boolean;
  onApply: (district: District, notice: Notice) => void;
}

interface Solved {
  /** The decisions the solve started from; the result is stale once they change. */
  from: District;
  category: string;
  kind: TargetKind;
  result: SolveResult;
}

/** Solve for a target: the weight of one need category that reaches a slope, a McLoone index or a school's budget. */
export function SolvePanel({ district, allocation, disabled, onApply }: SolvePanelProps) {
  const s = useStyles();
  const [category, setCategory] = useState(district.needs[0] ?? "");
  const [kind, setKind] = useState<TargetKind>("slope");
  const [schoolId, setSchoolId] = useState(district.schools[0]?.id ?? "");
  const [level, setLevel] = useState("");
  const [value, setValue] = useState("");
  const [lo, setLo] = useState("0");
  const [hi, setHi] = useState("3");
  const [error, setError] = useState<string | null>(null);
  const [solved, setSolved] = useState<Solved | null>(null);

  const pickCategory = district.needs.includes(category) ? category : (district.needs[0] ?? "");
  const pickSchool = district.schools.some((x) => x.id === schoolId) ? schoolId : (district.schools[0]?.id ?? "");
  const pickLevel = level === "" || district.levels.includes(level) ? level : "";
  const poverty = district.needs[0] ?? "poverty";

  const target = (v: number): SolveTarget => (kind === "schoolBudget" ? { kind, schoolId: pickSchool, value: v } : { kind, value: v });
  const now = useMemo(() => {
    try {
      return measure(allocation, kind === "schoolBudget" ? { kind, schoolId: pickSchool, value: 0 } : { kind, value: 0 });
    } catch {
      return NaN;
    }
  }, [allocation, kind, pickSchool]);

  if (district.needs.length === 0)
    return <Text size={200}>Enrollment has no need category, so there is no weight to solve for.</Text>;

  const solve = () => {
    setError(null);
    const v = parseNumber(value);
    const l = parseNumber(lo);
    const h = parseNumber(hi);
    if (v === null) return setError(kind === "mcloone" ? "Enter a target index, e.g. 0.95." : "Enter a target in dollars, e.g. 25.");
    if (l === null || h === null) return setError("Enter the lowest and highest weight to search, e.g. 0 and 3.");
    if (kind === "schoolBudget" && v < 0) return setError("Enter a budget of $0 or more.");
    const cents = kind === "mcloone" ? v : Math.round(v * 100);
    let result: SolveResult;
    try {
      result = solveWeight(district, pickCategory, target(cents), {
        lo: l,
        hi: h,
        level: pickLevel === "" ? undefined : pickLevel,
        formatValue: (x) => measureText(kind, x),
        describeError: formatError,
      });
    } catch (e) {
      result = { found: false, reason: e instanceof Error ? e.message : String(e) };
    }
    setSolved({ from: district, category: pickCategory, kind, result });
  };

  const live = solved && solved.from === district ? solved : null;
  const r = live?.result;
  const movers = r && r.found ? [...r.changes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name)).slice(0, TOP_MOVERS) : [];
  const tone = (d: number) => (d > 0 ? s.gain : d < 0 ? s.loss : undefined);
  const hint =
    kind === "slope"
      ? `$ per pupil for each point of ${poverty} (pupil-weighted). Now: ${measureText(kind, now)}.`
      : kind === "mcloone"
        ? `Pupil-weighted, 0.95 is the usual benchmark. Now: ${measureText(kind, now)}.`
        : `The school's total budget in $. Now: ${measureText(kind, now)}.`;

  return (
    <div className={s.col}>
      <Text size={200}>
        Find the weight of one need category that reaches a target, with every other decision fixed. Nothing changes until you apply it.
      </Text>
      <div className={s.grid}>
        <Field label="Need category" size="small">
          <Select size="small" value={pickCategory} onChange={(_, d) => setCategory(d.value)}>
            {district.needs.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Levels" size="small">
          <Select size="small" value={pickLevel} onChange={(_, d) => setLevel(d.value)}>
            <option value="">All levels (scaled together)</option>
            {district.levels.map((l) => (
              <option key={l} value={l}>
                {l} only
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Target" size="small">
          <Select size="small" value={kind} onChange={(_, d) => setKind(d.value as TargetKind)}>
            <option value="slope">Progressivity slope ($ per pupil per point of {poverty})</option>
            <option value="mcloone">McLoone index</option>
            <option value="schoolBudget">One school&apos;s budget ($)</option>
          </Select>
        </Field>
        {kind === "schoolBudget" && (
          <Field label="School" size="small">
            <Select size="small" value={pickSchool} onChange={(_, d) => setSchoolId(d.value)}>
              {district.schools.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <Field label="Target value" size="small" hint={hint}>
        <Input size="small" value={value} onChange={(_, d) => setValue(d.value)} placeholder={kind === "mcloone" ? "0.95" : kind === "slope" ? "25" : "2,500,000"} />
      </Field>
      <div className={s.grid}>
        <Field label="Lowest weight" size="small">
          <Input size="small" value={lo} onChange={(_, d) => setLo(d.value)} />
        </Field>
        <Field label="Highest weight" size="small">
          <Input size="small" value={hi} onChange={(_, d) => setHi(d.value)} />
        </Field>
      </div>
      <div className={s.actions}>
        <Button disabled={disabled} onClick={solve}>
          Solve
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {r && !r.found && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>
              {r.reason.startsWith("no solution") ? "No solution in range" : r.reason.startsWith("no weight reaches") ? "No weight reaches the target exactly" : "Cannot solve"}
            </MessageBarTitle>
            {r.reason.charAt(0).toUpperCase() + r.reason.slice(1)}. Nothing was changed.
          </MessageBarBody>
        </MessageBar>
      )}
      {live && r && r.found && (
        <div className={s.col} role="group" aria-label="Solution">
          <Text size={200}>
            Weight found: <strong>{plainNumber(r.weight)}</strong> for {live.category}
            {pickLevel === "" && district.levels.length > 1 ? ` at ${r.level} (other levels keep their ratio to it)` : ` at ${r.level}`}. It reaches{" "}
            {measureText(live.kind, r.achieved)} (after {r.iterations} allocations).
          </Text>
          <div className={s.wrap}>
            <Table size="extra-small" aria-label="Top movers">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>School</TableHeaderCell>
                  <TableHeaderCell>Now</TableHeaderCell>
                  <TableHeaderCell>With the weight</TableHeaderCell>
                  <TableHeaderCell>Change</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {movers.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{m.name}</TableCell>
                    <TableCell className={s.num}>{money(m.before)}</TableCell>
                    <TableCell className={s.num}>{money(m.after)}</TableCell>
                    <TableCell className={mergeClasses(s.num, tone(m.delta))}>{signedMoney(m.delta)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Text className={s.note}>
            {r.changes.filter((c) => c.delta > 0).length} schools gain, {r.changes.filter((c) => c.delta < 0).length} lose
            {r.changes.length > TOP_MOVERS ? `; the ${TOP_MOVERS} largest changes are shown` : ""}.
          </Text>
          <div className={s.actions}>
            <Button
              appearance="primary"
              disabled={disabled}
              onClick={() => {
                onApply(r.district, {
                  intent: "success",
                  title: "Weight applied",
                  text: `The ${live.category} weight is now ${plainNumber(r.weight)} at ${r.level}; the allocation was re-run.`,
                });
                setSolved(null);
              }}
            >
              Apply weight
            </Button>
            <Button appearance="subtle" onClick={() => setSolved(null)}>
              Discard
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
