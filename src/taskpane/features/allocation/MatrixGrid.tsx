import { useState } from "react";
import { Field, Input, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { setRate } from "../../../engine/decisions";
import { thrownWords } from "../../../words/errors";
import type { Allocation, District } from "../../../engine/types";
import { WEIGHT_LABELS } from "../../../report/labels";
import { moneyCents, parseRate, rateText } from "../../ui/format";
import { bulletList, note, scrollX } from "../../ui/styles";

const useStyles = makeStyles({
  wrap: scrollX,
  // Columns sized by content: a header wraps between words ("Special / Education"), never inside one.
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "auto" },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXXS}`,
    overflowWrap: "break-word",
    verticalAlign: "bottom",
  },
  corner: { textAlign: "left" },
  rowHead: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} 0 0`,
    overflowWrap: "break-word",
    verticalAlign: "top",
    width: "1%",
  },
  td: { padding: tokens.spacingHorizontalXXS, verticalAlign: "top", minWidth: "52px" },
  input: { width: "100%", minWidth: 0, "& input": { textAlign: "right", fontVariantNumeric: "tabular-nums", minWidth: 0 } },
  other: {
    display: "block",
    textAlign: "right",
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
    paddingRight: tokens.spacingHorizontalXXS,
  },
  legend: note,
  errors: { ...bulletList, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** "0.7483" for an effective weight: four decimals as on the Matrix sheet, trailing zeros dropped. */
export function weightText(w: number): string {
  return String(Math.round(w * 10000) / 10000);
}

export interface MatrixGridProps {
  district: District;
  allocation: Allocation;
  onChange: (district: District) => void;
}

/** True when the district's formula is written in $ per pupil rather than weights. */
export function usesPerPupil(d: District): boolean {
  return d.rates.some((row) => row.some((r) => r?.kind === "perPupil"));
}

type Draft = { text: string; error: string | null };

/** The cells being typed in: an entry that parses re-allocates at once; one that does not keeps its text and message. */
function useMatrixDrafts(district: District, perPupil: boolean, onChange: (district: District) => void) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});

  const edit = (li: number, ci: number, text: string) => {
    const key = `${li}:${ci}`;
    const parsed = parseRate(text, perPupil);
    if (!parsed.ok) {
      setDrafts((d) => ({ ...d, [key]: { text, error: parsed.message } }));
      return;
    }
    let next: District;
    try {
      next = setRate(district, li, ci, parsed.value);
    } catch (e) {
      setDrafts((d) => ({ ...d, [key]: { text, error: thrownWords(e) } }));
      return;
    }
    setDrafts((d) => ({ ...d, [key]: { text, error: null } }));
    onChange(next);
  };

  const blur = (li: number, ci: number) => {
    const key = `${li}:${ci}`;
    setDrafts((d) => {
      if (!d[key] || d[key].error) return d;
      const rest = { ...d };
      delete rest[key];
      return rest;
    });
  };
  return { drafts, edit, blur };
}

/** What each cell shows: the rate set, and under it the other view of the formula. */
function MatrixLegend({ district, perPupil }: { district: District; perPupil: boolean }) {
  const s = useStyles();
  return (
    <Text className={s.legend} as="p">
      In each cell, {perPupil ? "the $ per pupil you set" : `the weight you set ${WEIGHT_LABELS.nominal.replace(/^Weights you set /, "")}`}; below it,{" "}
      {perPupil ? "" : "the $ per pupil and "}&quot;eff.&quot;: {WEIGHT_LABELS.effective.charAt(0).toLowerCase() + WEIGHT_LABELS.effective.slice(1)}, relative to the{" "}
      {district.levels[0] ?? "first level"} Base, as on the Matrix sheet.
    </Text>
  );
}

interface CellProps {
  li: number;
  ci: number;
  /** "<level> <category>", the cell's name for assistive technology. */
  name: string;
  unit: string;
  perPupil: boolean;
  district: District;
  allocation: Allocation;
  draft: Draft | undefined;
  edit: (li: number, ci: number, text: string) => void;
  blur: (li: number, ci: number) => void;
}

/** One level × category: its input, and under it the $ per pupil (for a weight) and the effective weight. */
function MatrixCell({ li, ci, name, unit, perPupil, district, allocation, draft, edit, blur }: CellProps) {
  const s = useStyles();
  const rate = district.rates[li]?.[ci] ?? null;
  const pp = allocation.matrix.perPupil[li]?.[ci];
  const w = allocation.matrix.weights[li]?.[ci];
  const fixed = rate?.kind === "perPupil" || (rate === null && perPupil);
  const eff = w !== undefined && Number.isFinite(w) ? weightText(w) : null;
  return (
    <td className={s.td}>
      <Field size="small" validationState={draft?.error ? "error" : "none"}>
        <Input
          className={s.input}
          size="small"
          aria-label={`${name} ${unit}`}
          aria-invalid={draft?.error ? true : undefined}
          aria-describedby={draft?.error ? `sfs-matrix-error-${li}-${ci}` : undefined}
          value={draft ? draft.text : rateText(rate)}
          placeholder="0"
          onChange={(_, data) => edit(li, ci, data.value)}
          onBlur={() => blur(li, ci)}
        />
      </Field>
      {!fixed && pp !== undefined && (
        <Text className={s.other} title={`$ per pupil: ${moneyCents(pp)}`}>
          {moneyCents(pp)}
        </Text>
      )}
      {eff !== null && (
        <Text className={s.other} title={`${WEIGHT_LABELS.effective}: ${eff}`} aria-label={`${name}, effective weight ${eff}`}>
          eff. {eff}
        </Text>
      )}
    </td>
  );
}

/** The entries that do not parse, each named by its level and category (the inputs point here). */
function MatrixErrors({ drafts, levels, categories }: { drafts: Record<string, Draft>; levels: readonly string[]; categories: readonly string[] }) {
  const s = useStyles();
  const errors = Object.entries(drafts).filter(([, d]) => d.error);
  if (errors.length === 0) return null;
  return (
    <ul className={s.errors} aria-label="Matrix entries to fix">
      {errors.map(([key, d]) => {
        const [li, ci] = key.split(":").map(Number);
        return (
          <li key={key} id={`sfs-matrix-error-${li}-${ci}`}>
            <span>
              {levels[li]} {categories[ci]}:{" "}
            </span>
            <span>{d.error}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The per-pupil matrix as an editable grid: one input per level × category. A valid entry re-allocates at once;
 * an invalid one shows a field validation message and changes nothing. Under each input, the other view of the
 * formula: $ per pupil under a weight, the weight relative to the first level's base under a $ amount.
 */
export function MatrixGrid({ district, allocation, onChange }: MatrixGridProps) {
  const s = useStyles();
  const categories = ["Base", ...district.needs];
  const perPupil = usesPerPupil(district);
  const unit = perPupil ? "$ per pupil" : "weight";
  const { drafts, edit, blur } = useMatrixDrafts(district, perPupil, onChange);
  const cell = { unit, perPupil, district, allocation, edit, blur };
  return (
    <div className={s.wrap}>
      <MatrixLegend district={district} perPupil={perPupil} />
      <table className={s.table} aria-label={`Funding formula (${unit} by level and category)`}>
        <thead>
          <tr>
            <th className={mergeClasses(s.th, s.corner)} scope="col">
              Level
            </th>
            {categories.map((c) => (
              <th key={c} className={s.th} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {district.levels.map((level, li) => (
            <tr key={level}>
              <th className={s.rowHead} scope="row">
                {level}
              </th>
              {categories.map((cat, ci) => (
                <MatrixCell key={cat} li={li} ci={ci} name={`${level} ${cat}`} draft={drafts[`${li}:${ci}`]} {...cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <MatrixErrors drafts={drafts} levels={district.levels} categories={categories} />
    </div>
  );
}
