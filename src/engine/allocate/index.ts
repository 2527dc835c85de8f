import { eligibleRows } from "../eligibility";
import type { Allocation, District, SchoolResult, SourceResult } from "../types";
import { applyAdjustments } from "./adjust";
import { coverFixedCosts } from "./fixedCost";
import { payFoundation } from "./foundation";
import { buildLayout, fundedCategory, isGeneral } from "./layout";
import { buildMatrix } from "./matrix";
import { splitPool } from "./pools";
import { solveBase } from "./solveBase";
import { scratchF64, zeros, type Work } from "./work";

/**
 * The district-to-schools allocation (TRM): pools -> foundation -> fixed-rate formula -> solved base ->
 * phase-in / floors / caps (budget-neutral). Pure and deterministic; every source conserves to the cent:
 * amount = central holdback + surplus kept centrally + sum of school allocations.
 */
export function allocate(d: District): Allocation {
  const L = buildLayout(d);
  const S = d.sources.length;
  const N = L.nSchools;
  const unit = d.policy.rounding === "dollar" ? 100 : 1;
  const w: Work = {
    d,
    L,
    unit,
    elig: d.sources.map((s) => eligibleRows(d, s)),
    cat: d.sources.map((s) => fundedCategory(d, s)),
    general: d.sources.map((s) => isGeneral(d, s)),
    central: [],
    pool: [],
    avail: [],
    by: d.sources.map(() => zeros(N)),
    paid: new Array(S).fill(0),
    onTotal: scratchF64("onTotal", N),
    onGeneral: scratchF64("onGeneral", N),
    turnedOn: new Array(S).fill(null),
    moved: scratchF64("moved", N),
    foundationPer: new Array(S).fill(0),
    receivesFoundation: new Uint8Array(N),
    fixedPaid: new Array(S).fill(0),
    base: new Array(S).fill(null),
    paidCat: d.sources.map(() => new Float64Array(L.nLevels * L.nCats)),
    costCat: new Float64Array(L.nLevels * L.nCats),
    rem: new Float64Array(L.anyFixed ? L.nRows * L.nCats : 0),
    errors: [],
    warnings: [],
  };
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

  // Unfunded fixed-rate cost per school.
  const unfunded = scratchF64("unfunded", L.anyFixed ? N : 0);
  if (L.anyFixed) {
    for (let r = 0; r < L.nRows; r++) {
      let t = 0;
      for (let c = 0; c < L.nCats; c++) t += w.rem[r * L.nCats + c];
      unfunded[L.rowSchool[r]] += t;
    }
  }

  const receivers = countOnes(w.receivesFoundation);
  const sources: SourceResult[] = d.sources.map((src, s) => {
    // Every amount is whole cents, so the running sums kept while paying are exact.
    const bySchool = w.by[s];
    const toSchools = w.paid[s];
    return {
      name: src.name,
      status: src.status,
      restricted: src.restricted || src.status === "Grant",
      funds: src.funds,
      amount: src.amount,
      central: w.central[s],
      schoolPool: w.pool[s],
      foundation: w.foundationPer[s] * receivers,
      surplus: w.pool[s] - toSchools,
      toSchools,
      bySchool,
      turnedOnBySchool: w.turnedOn[s] ?? bySchool.slice(),
      base: w.base[s],
      general: w.general[s],
      foundationPerSchool: w.foundationPer[s],
      fixedPaid: w.fixedPaid[s],
    };
  });

  let foundationPerSchool = 0;
  for (let s = 0; s < S; s++) foundationPerSchool += w.foundationPer[s];
  const schools: SchoolResult[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const sc = d.schools[i];
    const on = w.onTotal[i];
    const total = on + w.moved[i];
    const students = L.students[i];
    schools[i] = {
      id: sc.id,
      name: sc.name,
      students,
      total,
      turnedOn: on,
      current: sc.current,
      minimum: sc.minimum,
      adjustment: adj.adjustment[i],
      unfunded: L.anyFixed ? Math.round(unfunded[i]) : 0,
      perPupil: students > 0 ? total / students : 0,
      foundation: w.receivesFoundation[i] ? foundationPerSchool : 0,
      floor: adj.floor[i],
      ceiling: adj.ceiling[i],
    };
  }

  let revenue = 0;
  let central = 0;
  let toSchools = 0;
  let surplus = 0;
  for (const s of sources) {
    revenue += s.amount;
    central += s.central + s.surplus;
    toSchools += s.toSchools;
    surplus += s.surplus;
  }
  let unfundedTotal = 0;
  for (const s of schools) unfundedTotal += s.unfunded;
  if (unfundedTotal > 0) {
    w.warnings.push(`The fixed $ per pupil formula costs more than the sources can pay: ${(unfundedTotal / 100).toLocaleString("en-US", { style: "currency", currency: "USD" })} is unfunded (shown per school).`);
  }
  return {
    district: d,
    sources,
    schools,
    matrix,
    totals: { revenue, central, schools: toSchools, surplus, unfunded: unfundedTotal },
    neutralityFactor: adj.factor,
    warnings: w.warnings,
    errors: w.errors,
  };
}

function countOnes(a: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i];
  return n;
}
