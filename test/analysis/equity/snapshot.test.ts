import { compareSnapshots, snapshot } from "../../../src/analysis/equity/snapshot";
import { input } from "./fixture";

describe("snapshots", () => {
  const before = snapshot("2023 baseline", [input("A", 100, 0, 100_000, 10, 0), input("B", 100, 0, 200_000, 60, 0), input("C", 50, 0, 75_000, 30, 0)]);
  const after = snapshot("2024", [input("A", 100, 0, 140_000, 10, 0), input("B", 100, 0, 160_000, 60, 0), input("D", 10, 0, 10_000, 0, 0)]);

  test("snapshot holds the picture as plain JSON", () => {
    expect(before.schools).toBe(3);
    expect(before.students).toBe(250);
    expect(before.perSchool.map((s) => s.perPupil)).toEqual([1000, 2000, 1500]);
    expect(JSON.parse(JSON.stringify(before))).toEqual(before);
  });

  test("comparison: changes, verdicts by direction, schools in both", () => {
    const c = compareSnapshots(before, after);
    expect(c.base).toBe("2023 baseline");
    const get = (key: string) => c.stats.find((s) => s.key === key && s.form === "unweighted");
    // unweighted range 2000 − 1000 = 1000 before, 1600 − 1000 = 600 after
    expect(get("range")).toMatchObject({ base: 1000, other: 600, change: -400, verdict: "better" });
    expect(get("mean")?.verdict).toBeNull();
    const cv = get("cv");
    expect(cv?.verdict).toBe((cv?.change ?? 0) < 0 ? "better" : "worse");
    expect(c.schools).toEqual([
      { id: "A", name: "School A", base: 1000, other: 1400, change: 400 },
      { id: "B", name: "School B", base: 2000, other: 1600, change: -400 },
    ]);
    expect(c.onlyInBase).toEqual(["C"]);
    expect(c.onlyInOther).toEqual(["D"]);
    expect(c.deciles).toHaveLength(10);
    expect(compareSnapshots(before, before).stats.filter((s) => s.key === "gini").every((s) => s.verdict === "same")).toBe(true);
  });
});
