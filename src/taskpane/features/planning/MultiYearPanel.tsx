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

/** The multi-year plan: years as columns (revenue, pool, schools total, the trigger, conservation), then one school's trajectory. */
export function MultiYearPanel({ plan }: { plan: MultiYearPlan }) {
  const s = usePlanStyles();
  const [school, setSchool] = useState(0);
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

  const t = plan.schools[school] ?? plan.schools[0];
  const trigger =
    plan.trigger === null
      ? "No revenue trigger: the weights are on from the first year."
      : plan.triggerYear === null
        ? `Revenue trigger ${money(plan.trigger)}: the unlocked pool does not reach it within the plan, so the weights stay off.`
        : `Revenue trigger ${money(plan.trigger)}: the weights turn on in ${years[plan.triggerYear - 1]?.label ?? `year ${plan.triggerYear}`}.`;
  return (
    <div className={s.col}>
      <Text size={200}>
        {trigger}
        {plan.hasTargets ? ` Weights reach their targets in ${years[plan.targetYear - 1]?.label ?? `year ${plan.targetYear}`}.` : ""} Each year is a full
        allocation of that year's projected district.
      </Text>
      <MultiYearChart plan={plan} />
      {years.length > 2 && <Text className={mergeClasses(s.note, s.narrowOnly)}>Scroll the table sideways for the later years.</Text>}
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label="Multi-year plan">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={s.sticky}>Plan year</TableHeaderCell>
              {years.map((y) => (
                <TableHeaderCell key={y.year} className={s.numHead}>
                  {y.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
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
      {t && (
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
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={s.sticky}>{t.current === null ? "Plan year" : `Now ${money(t.current)}`}</TableHeaderCell>
                  {years.map((y) => (
                    <TableHeaderCell key={y.year} className={s.numHead}>
                      {y.label}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                <TableRow>
                  <TableCell className={s.sticky}>Students</TableCell>
                  {t.students.map((v, k) => (
                    <TableCell key={k} className={s.num}>
                      {countText(v)}
                    </TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  <TableCell className={mergeClasses(s.sticky, s.strong)}>Budget</TableCell>
                  {t.totals.map((v, k) => (
                    <TableCell key={k} className={mergeClasses(s.num, s.strong)}>
                      {money(v)}
                    </TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  <TableCell className={s.sticky}>Formula turned on</TableCell>
                  {t.turnedOn.map((v, k) => (
                    <TableCell key={k} className={s.num}>
                      {money(v)}
                    </TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  <TableCell className={s.sticky}>Gap</TableCell>
                  {t.turnedOn.map((v, k) => {
                    const g = v - t.totals[k];
                    return (
                      <TableCell key={k} className={mergeClasses(s.num, g > 0 ? s.gain : g < 0 ? s.loss : undefined)}>
                        {signedMoney(g)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
