/**
 * Budget neutrality for floors, caps and phase-in. Each school i has a target t[i] (its general money after
 * phase-in) and bounds [lo[i], hi[i]]. Find the common factor k >= 0 such that
 *     sum_i clamp(k * t[i], lo[i], hi[i]) = total,
 * i.e. the schools that are not held at a floor or a cap are scaled together so the general money is used exactly.
 * f(k) is continuous and non-decreasing; we bracket, bisect, then solve exactly on the final free set.
 * Returns null when even every school at its floor needs more than `total` (infeasible floors), and
 * k = Infinity with `excess` when every school is capped and money is left over.
 */
export function solveNeutralFactor(
  t: ArrayLike<number>,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
  total: number,
): { k: number; values: Float64Array; excess: number } | null {
  const n = t.length;
  const values = new Float64Array(n);
  let sumLo = 0;
  let sumHi = 0;
  for (let i = 0; i < n; i++) {
    sumLo += lo[i];
    sumHi += hi[i];
  }
  if (sumLo > total + 1e-6) return null;
  if (sumHi <= total) {
    for (let i = 0; i < n; i++) values[i] = hi[i];
    return { k: Infinity, values, excess: total - sumHi };
  }
  const f = (k: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += clamp(k * t[i], lo[i], hi[i]);
    return s;
  };
  // Bracket: f(0) = sumLo <= total < sumHi = f(large).
  let a = 0;
  let b = 1;
  while (f(b) < total && b < 1e12) b *= 2;
  for (let iter = 0; iter < 200 && b - a > 1e-15 * b; iter++) {
    const m = (a + b) / 2;
    if (f(m) < total) a = m;
    else b = m;
  }
  // Exact k on the free set at the bracket's midpoint.
  const k0 = (a + b) / 2;
  let fixedSum = 0;
  let freeT = 0;
  for (let i = 0; i < n; i++) {
    const v = k0 * t[i];
    if (v <= lo[i]) fixedSum += lo[i];
    else if (v >= hi[i]) fixedSum += hi[i];
    else freeT += t[i];
  }
  const k = freeT > 0 ? (total - fixedSum) / freeT : k0;
  for (let i = 0; i < n; i++) values[i] = clamp(k * t[i], lo[i], hi[i]);
  return { k, values, excess: 0 };
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
