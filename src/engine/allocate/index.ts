import { eligibleRows } from "../eligibility";
import type { Allocation, District, SchoolResult, SourceResult } from "../types";
import { applyAdjustments } from "./adjust";
import { coverFixedCosts } from "./fixedCost";
import { payFoundation } from "./foundation";
import { buildLayout, fundedCategory, isGeneral } from "./layout";
import { buildMatrix } from "./matrix";
import { splitPool } from "./pools";
import { solveBase } from "./solveBase";
import type { Work } from "./work";

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
    by: d.sources.map(() => new Float64Array(N)),
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
  const turnedOn = w.by.map(toArray);
  const adj = applyAdjustments(w);
  const matrix = buildMatrix(w);

  // Unfunded fixed-rate cost per school.
  const unfunded = new Float64Array(N);
  if (L.anyFixed) {
    for (let r = 0; r < L.nRows; r++) {
      let t = 0;
      for (let c = 0; c < L.nCats; c++) t += w.rem[r * L.nCats + c];
      unfunded[L.rowSchool[r]] += t;
    }
  }

  const sources: SourceResult[] = d.sources.map((src, s) => {
    const bySchool = toArray(w.by[s]);
    let toSchools = 0;
    for (const v of bySchool) toSchools += v;
    return {
      name: src.name,
      status: src.status,
      restricted: src.restricted || src.status === "Grant",
      funds: src.funds,
      amount: src.amount,
      central: w.central[s],
      schoolPool: w.pool[s],
      foundation: w.foundationPer[s] * countOnes(w.receivesFoundation),
      surplus: w.pool[s] - toSchools,
      toSchools,
      bySchool,
      turnedOnBySchool: turnedOn[s],
      base: w.base[s],
      general: w.general[s],
      foundationPerSchool: w.foundationPer[s],
      fixedPaid: w.fixedPaid[s],
    };
  });

  const schools: SchoolResult[] = d.schools.map((sc, i) => {
    let total = 0;
    let on = 0;
    for (let s = 0; s < S; s++) {
      total += w.by[s][i];
      on += turnedOn[s][i];
    }
    const students = L.students[i];
    let foundation = 0;
    for (let s = 0; s < S; s++) foundation += w.receivesFoundation[i] ? w.foundationPer[s] : 0;
    return {
      id: sc.id,
      name: sc.name,
      students,
      total,
      turnedOn: on,
      current: sc.current,
      minimum: sc.minimum,
      adjustment: adj.adjustment[i],
      unfunded: Math.round(unfunded[i]),
      perPupil: students > 0 ? total / students : 0,
      foundation,
      floor: adj.floor[i],
      ceiling: adj.ceiling[i],
    };
  });

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

/** Copy a typed array into a plain array (Array.from goes through the iterator protocol and is much slower). */
function toArray(a: Float64Array): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}
