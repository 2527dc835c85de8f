import fc from "fast-check";
import { allocate } from "../../../src/engine/allocate";
import type { Allocation, District } from "../../../src/engine/types";
import { lineProblems } from "../../helpers/lines";
import { randomDistrict } from "../../helpers/randomDistrict";

function checkInvariants(d: District, a: Allocation): string | null {
  const unit = d.policy.rounding === "dollar" ? 100 : 1;
  for (const s of a.sources) {
    if (s.central + s.surplus + s.toSchools !== s.amount) return `${s.name} does not conserve`;
    if (s.bySchool.some((v) => !Number.isInteger(v))) return `${s.name} has fractional cents`;
    if (s.bySchool.some((v) => v % unit !== 0)) return `${s.name} not rounded to the unit`;
    if (s.bySchool.some((v) => v < 0)) return `${s.name} pays a negative amount`;
    if (s.surplus < 0) return `${s.name} overspent`;
    if (s.turnedOnBySchool.reduce((x, y) => x + y, 0) > s.schoolPool) return `${s.name} turned-on exceeds pool`;
  }
  let schoolsTotal = 0;
  for (const sc of a.schools) schoolsTotal += sc.total;
  if (schoolsTotal !== a.totals.schools) return "school totals do not add up";
  if (a.totals.central + a.totals.schools !== a.totals.revenue) return "central + schools != revenue";
  for (let i = 0; i < a.schools.length; i++) {
    const bySource = a.sources.reduce((x, s) => x + s.bySchool[i], 0);
    if (bySource !== a.schools[i].total) return `school ${i} bySource != total`;
  }
  if (a.errors.length === 0) {
    const generalExists = a.sources.some((s) => s.general && s.toSchools > 0);
    for (const sc of a.schools) {
      if (sc.students === 0 && sc.total === 0) continue;
      const nonGrantTotal = sc.total - a.sources.reduce((x, s) => x + (s.grant ? s.bySchool[a.schools.indexOf(sc)] : 0), 0);
      if (generalExists && sc.floor !== null && nonGrantTotal < sc.floor) {
        // A floor can only be missed when the school's non-general money alone already exceeds... never below.
        return `school ${sc.id} below its floor ${sc.total} < ${sc.floor}`;
      }
      const allCapped = a.warnings.some((w) => w.code === "gainCapHeld");
      const i = a.schools.indexOf(sc);
      const general = a.sources.reduce((x, s) => x + (s.general ? s.bySchool[i] : 0), 0);
      // Caps (like floors) apply to the school's non-grant money: grants are paid on top (supplement, not supplant).
      const nonGrant = sc.total - a.sources.reduce((x, s) => x + (s.grant ? s.bySchool[i] : 0), 0);
      if (!allCapped && sc.ceiling !== null && nonGrant > sc.ceiling && general > 0 && sc.floor !== sc.ceiling) {
        return `school ${sc.id} above its cap ${nonGrant} > ${sc.ceiling}`;
      }
    }
  }
  return null;
}

describe("allocation invariants over random districts", () => {
  test("every source conserves to the cent; bySource sums to total; floors and caps hold; deterministic", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const d = randomDistrict(seed);
        const a = allocate(d);
        const problem = checkInvariants(d, a);
        if (problem) throw new Error(`seed ${seed}: ${problem}`);
        const b = allocate(randomDistrict(seed));
        expect(b.schools.map((s) => s.total)).toEqual(a.schools.map((s) => s.total));
        expect(b.sources.map((s) => s.bySchool)).toEqual(a.sources.map((s) => s.bySchool));
      }),
      { numRuns: Number(process.env.SFS_RUNS ?? 2500) },
    );
  }, 300_000);

  test("explanation lines add up exactly to every school's total", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const problems = lineProblems(allocate(randomDistrict(seed)));
        if (problems.length) throw new Error(`seed ${seed}: ${problems.slice(0, 3).join("; ")}`);
      }),
      { numRuns: 600 },
    );
  }, 300_000);
});
