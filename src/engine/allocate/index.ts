import { eligibilityOf } from "../eligibility";
import type { Allocation, District, SchoolResult, SourceResult } from "../types";
import { applyAdjustments, type AdjustOutcome } from "./adjust";
import { availableToSpend, carriedAmount } from "./carryOver";
import { coverFixedCosts } from "./fixedCost";
import { payFoundation } from "./foundation";
import { buildLayout, fundedCategory, isGeneral } from "./layout";
import { attendanceErrors, cellAmount } from "./attendance";
import { buildMatrix } from "./matrix";
import { splitPool } from "./pools";
import { solveBase } from "./solveBase";
import { weightsOn } from "./trigger";
import { zeros, type Work } from "./work";

/**
 * The district-to-schools allocation (TRM): pools -> foundation -> fixed-rate formula -> solved rates (and every
 * grant, on top) -> phase-in / revenue trigger / floors / caps (budget-neutral, general money only). Pure and
 * deterministic; every source conserves to the cent: amount = central holdback + surplus kept centrally + sum of
 * school allocations; every school's total is the sum of its lines (explain.ts).
 */
export function allocate(d: District): Allocation {
  const w = newWork(d);
  // ADA Levels may be edited after the tables were read (the pane's decisions): its problems stop the run here too.
  w.errors.push(...attendanceErrors(d));
  for (const s of d.sources) {
    const { central, pool } = splitPool(s);
    w.central.push(central);
    w.pool.push(pool);
    w.avail.push(pool);
  }
  payFoundation(w);
  coverFixedCosts(w);
  solveBase(w);
  const adj = applyAdjustments(w);
  const matrix = buildMatrix(w);
  const sources = sourceResults(w, adj);
  const schools = schoolResults(w, adj);
  return { district: d, sources, schools, matrix, totals: totals(w, sources, schools), neutralityFactor: adj.factor, weightsOn: weightsOn(d), rates: { cell: w.cellRate, row: w.rowRate }, warnings: w.warnings, errors: w.errors };
}

function newWork(d: District): Work {
  const L = buildLayout(d);
  const S = d.sources.length;
  const N = L.nSchools;
  return {
    d,
    L,
    unit: d.policy.rounding === "dollar" ? 100 : 1,
    elig: d.sources.map(eligibilityOf(d)),
    cat: d.sources.map((s) => fundedCategory(d, s)),
    general: d.sources.map((s) => isGeneral(d, s)),
    grant: d.sources.map((s) => s.status === "Grant"),
    central: [],
    pool: [],
    avail: [],
    by: d.sources.map(() => zeros(N)),
    paid: new Array(S).fill(0),
    onTotal: new Float64Array(N),
    onGeneral: new Float64Array(N),
    onGrant: new Float64Array(N),
    turnedOn: new Array(S).fill(null),
    moved: new Float64Array(N),
    foundationPer: new Array(S).fill(0),
    receivesFoundation: new Uint8Array(N),
    fixedPaid: new Array(S).fill(0),
    base: new Array(S).fill(null),
    cellRate: d.sources.map(() => new Float64Array(L.nLevels * L.nCats)),
    rowRate: new Array(S).fill(null),
    shortfall: new Array(S).fill(null),
    remainder: new Array(S).fill(0),
    rem: new Float64Array(L.anyFixed ? (L.nRows + L.nLevels) * L.nCats : 0),
    perSchool: new Float64Array(N),
    errors: [],
    warnings: [],
  };
}

function sourceResults(w: Work, adj: AdjustOutcome): SourceResult[] {
  let receivers = 0;
  for (let i = 0; i < w.L.nSchools; i++) receivers += w.receivesFoundation[i];
  // Every amount is whole cents, so the running sums kept while paying are exact.
  return w.d.sources.map((src, s) => ({
    name: src.name,
    status: src.status,
    restricted: src.restricted || src.status === "Grant",
    funds: src.funds,
    amount: src.amount,
    central: w.central[s],
    schoolPool: w.pool[s],
    foundation: w.foundationPer[s] * receivers,
    surplus: w.pool[s] - w.paid[s],
    remainder: w.remainder[s],
    grant: w.grant[s],
    shortfallBySchool: w.shortfall[s],
    toSchools: w.paid[s],
    bySchool: w.by[s],
    turnedOnBySchool: w.turnedOn[s] ?? w.by[s].slice(),
    base: w.base[s],
    general: w.general[s],
    normBySchool: adj.normBy[s],
    foundationPerSchool: w.foundationPer[s],
    fixedPaid: w.fixedPaid[s],
  }));
}

function schoolResults(w: Work, adj: AdjustOutcome): SchoolResult[] {
  const { d, L } = w;
  const unfunded = unfundedBySchool(w);
  let foundationPerSchool = 0;
  for (const f of w.foundationPer) foundationPerSchool += f;
  return d.schools.map((sc, i) => {
    const total = w.onTotal[i] + w.moved[i];
    const students = L.students[i];
    const carryOver = carriedAmount(sc.priorYear);
    return {
      id: sc.id,
      name: sc.name,
      students,
      total,
      turnedOn: w.onTotal[i],
      current: sc.current,
      minimum: sc.minimum,
      adjustment: adj.adjustment[i],
      unfunded: unfunded[i],
      perPupil: students > 0 ? total / students : 0,
      foundation: w.receivesFoundation[i] ? foundationPerSchool : 0,
      floor: adj.floor[i],
      ceiling: adj.ceiling[i],
      carryOver,
      available: availableToSpend(total, carryOver),
      normBudget: sc.normBudget ?? null,
      normAdjustment: adj.norm[i],
      normFormula: adj.normFormula[i],
    };
  });
}

/** Fixed-rate lines no source pays (rate left at the end of the waterfall), plus the labelled shortfalls. */
function unfundedBySchool(w: Work): number[] {
  const { L } = w;
  const out = new Array<number>(L.nSchools).fill(0);
  if (!L.anyFixed) return out;
  for (let r = 0; r < L.nRows; r++) {
    for (let c = 0; c < L.nCats; c++) {
      const o = r * L.nCats + c;
      if (w.rem[o] > 0 && L.counts[o] > 0) out[L.rowSchool[r]] += cellAmount(L.counts[o], L.adaDiff[o], w.rem[o], w.unit);
    }
  }
  for (const sf of w.shortfall) if (sf) for (let i = 0; i < sf.length; i++) out[i] += sf[i];
  return out;
}

function totals(w: Work, sources: SourceResult[], schools: SchoolResult[]): Allocation["totals"] {
  let revenue = 0;
  let central = 0;
  let toSchools = 0;
  let surplus = 0;
  let remainder = 0;
  for (const s of sources) {
    revenue += s.amount;
    central += s.central + s.surplus;
    toSchools += s.toSchools;
    surplus += s.surplus;
    remainder += s.remainder;
  }
  let unfunded = 0;
  for (const s of schools) unfunded += s.unfunded;
  if (unfunded > 0) w.warnings.push({ code: "unfunded", unfunded });
  return { revenue, central, schools: toSchools, surplus, unfunded, remainder };
}
