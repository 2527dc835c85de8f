import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { District } from "../../../engine/types";
import type { SolveForm } from "./useSolve";
import { targetHint, type TargetKind } from "./solveText";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
});

/** What to solve: the need category, the levels, the target kind and (for a school's budget) the school. */
function TargetPicks({ district, form, poverty }: { district: District; form: SolveForm; poverty: string }) {
  const s = useStyles();
  return (
    <div className={s.grid}>
      <Field label="Need category" size="small">
        <Select size="small" value={form.category} onChange={(_, d) => form.setCategory(d.value)}>
          {district.needs.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Levels" size="small">
        <Select size="small" value={form.level} onChange={(_, d) => form.setLevel(d.value)}>
          <option value="">All levels (scaled together)</option>
          {district.levels.map((l) => (
            <option key={l} value={l}>
              {l} only
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Target" size="small">
        <Select size="small" value={form.kind} onChange={(_, d) => form.setKind(d.value as TargetKind)}>
          <option value="slope">Progressivity slope ($ per pupil per point of {poverty})</option>
          <option value="mcloone">McLoone index</option>
          <option value="schoolBudget">One school&apos;s budget ($)</option>
        </Select>
      </Field>
      {form.kind === "schoolBudget" && (
        <Field label="School" size="small">
          <Select size="small" value={form.school} onChange={(_, d) => form.setSchoolId(d.value)}>
            {district.schools.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}

/** The target value (with what it measures now) and the range of weights to search. */
function TargetValues({ form, poverty, now }: { form: SolveForm; poverty: string; now: number }) {
  const s = useStyles();
  const { kind } = form;
  return (
    <>
      <Field label="Target value" size="small" hint={targetHint(kind, poverty, now)}>
        <Input size="small" value={form.value} onChange={(_, d) => form.setValue(d.value)} placeholder={kind === "mcloone" ? "0.95" : kind === "slope" ? "25" : "2,500,000"} />
      </Field>
      <div className={s.grid}>
        <Field label="Lowest weight" size="small">
          <Input size="small" value={form.lo} onChange={(_, d) => form.setLo(d.value)} />
        </Field>
        <Field label="Highest weight" size="small">
          <Input size="small" value={form.hi} onChange={(_, d) => form.setHi(d.value)} />
        </Field>
      </div>
    </>
  );
}

/** The solve form's fields. */
export function SolveFields({ district, form, now }: { district: District; form: SolveForm; now: number }) {
  const poverty = district.needs[0] ?? "poverty";
  return (
    <>
      <TargetPicks district={district} form={form} poverty={poverty} />
      <TargetValues form={form} poverty={poverty} now={now} />
    </>
  );
}
