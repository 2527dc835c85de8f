import type { District, Source } from "../types";
import { adaDifference, adaLevelFlags } from "./attendance";
import { roundHalfUp } from "./rounding";

/**
 * The district flattened into typed arrays, so that every rule runs as tight loops over numbers. Built by each
 * allocation call for itself; the rules read it and never write it.
 * Categories: index 0 = Base (counted as Students), k = needs[k-1].
 */
export interface Layout {
  nSchools: number;
  nRows: number;
  nLevels: number;
  nCats: number;
  rowSchool: Int32Array;
  rowLevel: Int32Array;
  /** counts[r * nCats + c]: Students for c = 0, need count otherwise (always as ENROLLED). */
  counts: Float64Array;
  /**
   * adaDiff[r * nCats + c]: average daily attendance − enrolled (≤ 0, two decimals) for the Base students (c = 0)
   * of a row at a level Policy's ADA Levels names; 0 elsewhere. A cell pays enrolled × rate + adaDiff × rate, two
   * lines (attendance.ts, cellAmount); its weighted pupils are counts + adaDiff.
   */
  adaDiff: Float64Array;
  /** Per row: the school's attendance rate (fraction) when the row is funded on attendance, else 0. */
  rowAttendance: Float64Array;
  /** True when some row is funded on attendance. */
  anyAda: boolean;
  /** weight[l * nCats + c]: additive weight of a weight cell (0 for none or a fixed cell). */
  weight: Float64Array;
  /** fixed[l * nCats + c]: cents per pupil of a fixed cell, whole cents (0 for none or a weight cell). */
  fixed: Float64Array;
  /**
   * grantWeight[l * nCats + c]: how a Grant source spreads its money over the cells it pays (always a solved
   * rate, on top of the formula): the cell's weight (weight cells and Base Amount cells); for Per Pupil cells the
   * $ per pupil, but only when no cell of the table is a weight (a grant never mixes the two scales).
   */
  grantWeight: Float64Array;
  /** True when grantWeight holds $ per pupil (no cell of the table is a weight). */
  grantByDollars: boolean;
  /** True when every count is a whole number (then count × rate needs no rounding at cent rounding). */
  integral: boolean;
  isFixed: Uint8Array;
  anyFixed: boolean;
  /** Rows of school i are rowsOf[rowStart[i] .. rowStart[i+1]). */
  rowStart: Int32Array;
  rowsOf: Int32Array;
  /** Students per school. */
  students: Float64Array;
  /** 1 when the school has at least one enrollment row. */
  hasRows: Uint8Array;
}

/** The enrollment-only part of the layout (everything but the rates). */
type RowLayout = Pick<Layout, "nSchools" | "nRows" | "nCats" | "rowSchool" | "rowLevel" | "counts" | "adaDiff" | "rowAttendance" | "anyAda" | "rowStart" | "rowsOf" | "students" | "hasRows" | "integral">;

/** The enrollment part of the layout, flattened once per allocation call. */
function rowLayout(d: District): RowLayout {
  const nSchools = d.schools.length;
  const nRows = d.enrollment.length;
  const nCats = d.needs.length + 1;
  const rowSchool = new Int32Array(nRows);
  const rowLevel = new Int32Array(nRows);
  const counts = new Float64Array(nRows * nCats);
  const adaDiff = new Float64Array(nRows * nCats);
  const rowAttendance = new Float64Array(nRows);
  const adaLevel = adaLevelFlags(d.levels, d.policy);
  let anyAda = false;
  const students = new Float64Array(nSchools);
  const hasRows = new Uint8Array(nSchools);
  const perSchool = new Int32Array(nSchools + 1);
  let integral = true;
  for (let r = 0; r < nRows; r++) {
    const e = d.enrollment[r];
    rowSchool[r] = e.schoolIndex;
    rowLevel[r] = e.levelIndex;
    const o = r * nCats;
    counts[o] = e.students;
    for (let k = 0; k < e.needs.length; k++) counts[o + 1 + k] = e.needs[k];
    const rate = d.schools[e.schoolIndex]?.attendance;
    if (e.levelIndex >= 0 && adaLevel[e.levelIndex] && typeof rate === "number" && rate > 0) {
      rowAttendance[r] = rate;
      adaDiff[o] = adaDifference(e.students, rate);
      if (adaDiff[o] !== 0) anyAda = true;
      if (!Number.isInteger(adaDiff[o])) integral = false;
    }
    for (let c = 0; c < nCats; c++) if (!Number.isInteger(counts[o + c])) integral = false;
    students[e.schoolIndex] += e.students;
    hasRows[e.schoolIndex] = 1;
    perSchool[e.schoolIndex + 1]++;
  }
  const rowStart = new Int32Array(nSchools + 1);
  for (let i = 0; i < nSchools; i++) rowStart[i + 1] = rowStart[i] + perSchool[i + 1];
  const fill = rowStart.slice(0, nSchools);
  const rowsOf = new Int32Array(nRows);
  for (let r = 0; r < nRows; r++) rowsOf[fill[rowSchool[r]]++] = r;
  return { nSchools, nRows, nCats, rowSchool, rowLevel, counts, adaDiff, rowAttendance, anyAda, rowStart, rowsOf, students, hasRows, integral };
}

export function buildLayout(d: District): Layout {
  const rows = rowLayout(d);
  const { nCats } = rows;
  const nLevels = d.levels.length;
  const weight = new Float64Array(nLevels * nCats);
  const fixed = new Float64Array(nLevels * nCats);
  const isFixed = new Uint8Array(nLevels * nCats);
  const grantWeight = new Float64Array(nLevels * nCats);
  const base = d.policy.baseAmount;
  let anyFixed = false;
  let anyWeight = false;
  for (let l = 0; l < nLevels; l++) {
    for (let c = 0; c < nCats; c++) {
      const rate = d.rates[l]?.[c] ?? null;
      if (!rate) continue;
      const o = l * nCats + c;
      if (rate.kind === "perPupil") {
        // Per Pupil cells are read to the cent; rounding again only guards against a fractional input.
        fixed[o] = roundHalfUp(rate.cents, 1);
        isFixed[o] = 1;
        anyFixed = true;
        continue;
      }
      anyWeight = true;
      grantWeight[o] = rate.weight;
      if (base !== null) {
        // A fixed Base Amount turns every weight into a fixed $ per pupil: base × weight, rounded to the cent.
        fixed[o] = roundHalfUp(base * rate.weight, 1);
        isFixed[o] = 1;
        anyFixed = true;
      } else {
        weight[o] = rate.weight;
      }
    }
  }
  if (!anyWeight) grantWeight.set(fixed);
  return { ...rows, nLevels, weight, fixed, grantWeight, grantByDollars: !anyWeight, isFixed, anyFixed };
}

/** Category index a source pays for, or -1 for the whole formula ("All"). */
export function fundedCategory(d: District, s: Source): number {
  const f = s.funds.trim().toLowerCase();
  if (f === "all" || f === "") return -1;
  if (f === "base") return 0;
  const k = d.needs.findIndex((n) => n.toLowerCase() === f);
  return k < 0 ? -1 : k + 1;
}

/** Whether the source reaches every enrollment row (no level, school or rule filter). */
export function eligibleEverywhere(s: Source): boolean {
  return s.eligible.levels === null && s.eligible.schoolIds === null && s.eligible.rules.length === 0;
}

/**
 * "General" money: unlocked, unrestricted, paying the whole formula in every school. Only general money pays
 * the foundation and is moved between schools by floors, caps and phase-in (restricted and targeted money is
 * never moved away from the schools and purposes it is meant for).
 */
export function isGeneral(d: District, s: Source): boolean {
  return s.status === "Unlocked" && !s.restricted && fundedCategory(d, s) === -1 && eligibleEverywhere(s);
}
