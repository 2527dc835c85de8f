/**
 * The generated districts are meant to be read by the engine: the sample and synthetic districts must
 * parse without errors, and the sample must exercise the floors and caps it was built to show.
 */
import { allocate } from "../../src/engine/allocate";
import { formatError } from "../../src/words/errors";
import { parseDistrict } from "../../src/engine/parse";
import type { District, RawTables } from "../../src/engine/types";
import { sampleDistrict } from "../../src/sample/district";
import { syntheticDistrict } from "../../src/sample/synthetic";

function parsed(raw: RawTables): District {
  const result = parseDistrict(raw);
  if (!result.ok) throw new Error(result.errors.slice(0, 5).map(formatError).join("\n"));
  return result.district;
}

describe("generated districts fit the engine", () => {
  test("the sample parses into 39 schools, 3 levels, 3 needs, 9 sources, initiatives and segments", () => {
    const d = parsed(sampleDistrict());
    expect(d.schools).toHaveLength(39);
    expect(d.levels).toEqual(["Elementary", "Middle", "High"]);
    expect(d.needs).toEqual(["Poverty", "English Learner", "Special Education"]);
    expect(d.sources).toHaveLength(9);
    expect(d.initiatives).toHaveLength(25);
    expect(d.segments).toHaveLength(8);
    expect(d.policy.rounding).toBe("dollar");
    expect(d.policy.holdHarmless).toBeCloseTo(0.95, 10);
  });

  test("the sample's allocation shows the minimum operating budget, hold harmless and gain cap at work", () => {
    // This year the sample's Revenue Trigger keeps the weights off; with them on (as from plan year 2), every rule binds.
    const d = parsed(sampleDistrict());
    expect(allocate(d).schools.every((s) => s.adjustment !== null)).toBe(true);
    const alloc = allocate({ ...d, policy: { ...d.policy, revenueTrigger: null } });
    const adjustments = new Set(alloc.schools.map((s) => s.adjustment));
    expect(adjustments.has("MOB")).toBe(true);
    expect(adjustments.has("Hold harmless")).toBe(true);
    expect(adjustments.has("Gain cap")).toBe(true);
    const mob = alloc.schools.filter((s) => s.adjustment === "MOB");
    // The minimum operating budget applies to a school's non-grant money: grants are paid on top.
    const grants = (id: string) => alloc.sources.reduce((x, s) => x + (s.grant ? s.bySchool[alloc.schools.findIndex((c) => c.id === id)] : 0), 0);
    for (const s of mob) expect(s.total - grants(s.id)).toBe(s.minimum);
  });

  test.each([
    { schools: 200, seed: 1 },
    { schools: 120, levels: 1, needs: 0, sources: 3, seed: 2 },
    { schools: 120, levels: 5, needs: 4, sources: 30, seed: 3 },
  ])("synthetic district %o parses", (opts) => {
    const d = parsed(syntheticDistrict(opts));
    expect(d.schools).toHaveLength(opts.schools);
    expect(d.levels).toHaveLength(opts.levels ?? 3);
    expect(d.needs).toHaveLength(opts.needs ?? 3);
  });
});
