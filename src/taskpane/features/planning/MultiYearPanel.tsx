import { useState, type ReactNode } from "react";
import { MultiYearChart } from "../../charts/Charts";
import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import { conservationBreaks, type MultiYearPlan } from "../../../analysis/plan";
import { money, percent, signedMoney } from "../../ui/format";
import { countText } from "../../ui/numbers";
import { usePlanStyles } from "./styles";

interface YearRow {
  label: string;
  cells: ReactNode[];
  strong?: boolean;
}

type PlanYear = MultiYearPlan["years"][number];

/** The district rows of the plan table, one cell per year. */
function planRows(plan: MultiYearPlan): YearRow[] {
  const years = plan.years;
  const breaks = years.map((y) => conservationBreaks(y.allocation));
  const rows: YearRow[] = [
    { label: "Students", cells: years.map((y) => countText(y.students)) },
    { label: "Revenue", cells: years.map((y) => money(y.allocation.totals.revenue)) },
    { label: "Unlocked pool", cells: years.map((y) => money(y.unlockedPool)) },
    { label: "Held centrally", cells: years.map((y) => money(y.allocation.totals.central)) },
    { label: "To schools", cells: years.map((y) => money(y.allocation.totals.schools)), strong: true },
    { label: "Weights", cells: years.map((y) => (y.turnedOn ? "On" : "Off")) },
  ];
  if (plan.hasTargets) rows.push({ label: "Toward target weights", cells: years.map((y) => percent(y.weightProgress)) });
  rows.push({ label: "Hold harmless", cells: years.map((y) => (y.holdHarmless === null ? "none" : percent(y.holdHarmless))) });
  rows.push({ label: "Adds up to the cent", cells: years.map((_, k) => (breaks[k].length === 0 ? "Yes" : `No: ${breaks[k].join(", ")}`)) });
  return rows;
}

/** When the weights turn on (the revenue trigger), and when they reach their targets. */
function PlanSummary({ plan }: { plan: MultiYearPlan }) {
  const years = plan.years;
  const trigger =
    plan.trigger === null
      ? "No revenue trigger: the weights are on from the first year."
      : plan.triggerYear === null
        ? `Revenue trigger ${money(plan.trigger)}: the unlocked pool does not reach it within the plan, so the weights stay off.`
        : `Revenue trigger ${money(plan.trigger)}: the weights turn on in ${years[plan.triggerYear - 1]?.label ?? `year ${plan.triggerYear}`}.`;
  return (
    <Text size={200}>
      {trigger}
      {plan.hasTargets ? ` Weights reach their targets in ${years[plan.targetYear - 1]?.label ?? `year ${plan.targetYear}`}.` : ""} Each year is a full
      allocation of that year's projected district.
    </Text>
  );
}

/** A header row: the first column's heading, then one per plan year. */
function YearsHeader({ first, years }: { first: ReactNode; years: PlanYear[] }) {
  const s = usePlanStyles();
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell className={s.sticky}>{first}</TableHeaderCell>
        {years.map((y) => (
          <TableHeaderCell key={y.year} className={s.numHead}>
            {y.label}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

/** The district by plan year. */
function PlanTable({ plan }: { plan: MultiYearPlan }) {
  const s = usePlanStyles();
  return (
    <div className={s.wrap}>
      <Table size="extra-small" className={s.table} aria-label="Multi-year plan">
        <YearsHeader first="Plan year" years={plan.years} />
        <TableBody>
          {planRows(plan).map((r) => (
            <TableRow key={r.label}>
              <TableCell className={mergeClasses(s.sticky, r.strong && s.strong)}>{r.label}</TableCell>
              {r.cells.map((c, k) => (
                <TableCell key={k} className={mergeClasses(s.num, r.strong && s.strong)}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** One row of a school's trajectory: its label, then one cell per year. */
function TrajectoryRow({ label, values, text, strong, tone }: { label: string; values: number[]; text: (v: number) => string; strong?: boolean; tone?: (v: number) => string | undefined }) {
  const s = usePlanStyles();
  return (
    <TableRow>
      <TableCell className={strong ? mergeClasses(s.sticky, s.strong) : s.sticky}>{label}</TableCell>
      {values.map((v, k) => (
        <TableCell key={k} className={strong ? mergeClasses(s.num, s.strong) : tone ? mergeClasses(s.num, tone(v)) : s.num}>
          {text(v)}
        </TableCell>
      ))}
    </TableRow>
  );
}

/** A school picker and the picked school's students, budget, budget with the formula turned on, and the gap, by year. */
function SchoolTrajectory({ plan }: { plan: MultiYearPlan }) {
  const s = usePlanStyles();
  const [school, setSchool] = useState(0);
  const t = plan.schools[school] ?? plan.schools[0];
  if (!t) return null;
  const gaps = t.turnedOn.map((v, k) => v - t.totals[k]);
  return (
    <>
      <Field label="School" size="small">
        <Select size="small" aria-label="School for the trajectory" value={String(school)} onChange={(_, d) => setSchool(Number(d.value))}>
          {plan.schools.map((x, i) => (
            <option key={`${x.id}:${i}`} value={i}>
              {x.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label={`Trajectory of ${t.name}`}>
          <YearsHeader first={t.current === null ? "Plan year" : `Now ${money(t.current)}`} years={plan.years} />
          <TableBody>
            <TrajectoryRow label="Students" values={t.students} text={countText} />
            <TrajectoryRow label="Budget" values={t.totals} text={money} strong />
            <TrajectoryRow label="Formula turned on" values={t.turnedOn} text={money} />
            <TrajectoryRow label="Gap" values={gaps} text={signedMoney} tone={(g) => (g > 0 ? s.gain : g < 0 ? s.loss : undefined)} />
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** The multi-year plan: years as columns (revenue, pool, schools total, the trigger, conservation), then one school's trajectory. */
export function MultiYearPanel({ plan }: { plan: MultiYearPlan }) {
  const s = usePlanStyles();
  return (
    <div className={s.col}>
      <PlanSummary plan={plan} />
      <MultiYearChart plan={plan} />
      {plan.years.length > 2 && <Text className={mergeClasses(s.note, s.narrowOnly)}>Scroll the table sideways for the later years.</Text>}
      <PlanTable plan={plan} />
      <SchoolTrajectory plan={plan} />
    </div>
  );
}
