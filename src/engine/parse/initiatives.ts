/**
 * The optional A-ROI tables: `Initiatives` (the inventory: costs, students served, learning gain, principal
 * ratings) and `Initiative Segments` (the same initiative broken down by student segment).
 */
import type { Cell, Initiative, InitiativeSegment, RawTable } from "../types";
import { labelKey, normalizeHeader, TableReader, type ParseContext } from "./headers";
import { columnsOf } from "../tables";

export const INITIATIVE_COLUMNS = columnsOf("Initiatives");

const GAIN = { code: "learningGain" } as const;
const RATING = { code: "rating" } as const;

export interface InitiativesResult {
  initiatives: Initiative[] | null;
  /** labelKey(name) -> name; null when the table is absent or unusable. */
  names: Map<string, string> | null;
}

export function parseInitiatives(raw: RawTable | undefined, ctx: ParseContext): InitiativesResult {
  if (!raw) return { initiatives: null, names: null };
  const t = new TableReader("Initiatives", raw, INITIATIVE_COLUMNS, ctx);
  if (!t.complete) return { initiatives: [], names: null };
  const col = (n: string) => t.col(n);
  const names = new Map<string, string>();
  const firstRow = new Map<string, number>();
  const out: Initiative[] = [];
  for (let k = 0; k < t.length; k++) {
    if (t.skipKeyless(k, col("Initiative"))) continue;
    const name = t.text(k, col("Initiative"));
    const key = labelKey(name);
    const dup = firstRow.get(key);
    if (dup !== undefined) t.error(k, col("Initiative"), { code: "uniqueInitiative" }, { code: "again", text: name, row: dup });
    else {
      firstRow.set(key, t.sheetRow(k));
      names.set(key, name);
    }
    const directCost = t.cents(k, col("Direct Cost"), { what: { code: "directCost" } });
    const staffHours = t.number(k, col("Staff Hours"), { code: "staffHours" }, { min: 0, blank: 0 });
    const hourlyCost = t.cents(k, col("Hourly Cost"), { blank: 0, what: { code: "hourlyCost" } });
    const indirectCost = t.cents(k, col("Indirect Cost"), { blank: 0, what: { code: "indirectCost" } });
    const studentsServed = t.students(k, col("Students Served"), { code: "students" });
    const learningGain = t.number(k, col("Learning Gain"), GAIN, { blank: null });
    const importance = t.number(k, col("Importance"), RATING, { min: 1, max: 5, blank: null });
    const effectiveness = t.number(k, col("Effectiveness"), RATING, { min: 1, max: 5, blank: null });
    const attributes: Record<string, Cell> = {};
    for (const c of t.extras) attributes[normalizeHeader(t.header(c))] = t.cell(k, c);
    const text = (n: string) => t.text(k, col(n));
    out.push({
      name,
      department: text("Department"),
      coordinator: text("Coordinator"),
      schools: text("Schools"),
      strategicPriority: text("Strategic Priority"),
      targetPopulation: text("Target Population"),
      definitionOfSuccess: text("Definition of Success"),
      directCost: directCost ?? 0,
      staffHours: staffHours ?? 0,
      hourlyCost: hourlyCost ?? 0,
      indirectCost: indirectCost ?? 0,
      studentsServed: studentsServed ?? 0,
      learningGain: learningGain ?? null,
      importance: importance ?? null,
      effectiveness: effectiveness ?? null,
      attributes,
      sheetRow: t.sheetRow(k),
    });
  }
  return { initiatives: out, names };
}

export const SEGMENT_COLUMNS = columnsOf("Initiative Segments");

/**
 * Parse Initiative Segments. `initiatives` is the Initiatives result: a segment must name an initiative there.
 */
export function parseSegments(
  raw: RawTable | undefined,
  initiatives: InitiativesResult,
  ctx: ParseContext,
): InitiativeSegment[] | null {
  if (!raw) return null;
  const t = new TableReader("Initiative Segments", raw, SEGMENT_COLUMNS, ctx);
  if (!t.complete) return [];
  if (initiatives.initiatives === null) {
    const any = Array.from({ length: t.length }, (_, k) => k).some((k) => !t.blank(k, t.col("Initiative")));
    if (any) t.tableError(null, { code: "initiativesTable" }, { code: "noInitiativesTable" });
    return [];
  }
  const out: InitiativeSegment[] = [];
  const firstRow = new Map<string, number>();
  for (let k = 0; k < t.length; k++) {
    const iCol = t.col("Initiative");
    if (t.blank(k, iCol)) continue;
    const text = t.text(k, iCol);
    let initiative = text;
    if (initiatives.names !== null) {
      const found = initiatives.names.get(labelKey(text));
      if (found === undefined) t.error(k, iCol, { code: "initiativeListed" });
      else initiative = found;
    }
    const segment = t.requiredText(k, t.col("Segment"), { code: "segment" });
    if (segment !== undefined) {
      const pair = `${labelKey(initiative)}\u0000${labelKey(segment)}`;
      const dup = firstRow.get(pair);
      if (dup !== undefined)
        t.error(k, t.col("Segment"), { code: "rowPerSegment" }, { code: "segmentAgain", segment, initiative, row: dup });
      else firstRow.set(pair, t.sheetRow(k));
    }
    const studentsServed = t.students(k, t.col("Students Served"), { code: "students" });
    const learningGain = t.number(k, t.col("Learning Gain"), GAIN, { blank: null });
    const cost = t.cents(k, t.col("Cost"), { blank: null, what: { code: "segmentCost" } });
    out.push({
      initiative,
      segment: segment ?? "",
      studentsServed: studentsServed ?? 0,
      learningGain: learningGain ?? null,
      cost: cost ?? null,
      sheetRow: t.sheetRow(k),
    });
  }
  return out;
}
