import { parseDistrict } from "../../../src/engine/parse";
import { resolveRates, type WeightRow } from "../../../src/engine/parse/weights";
import { sampleRaw } from "../../helpers/raw";

const w = (weight: number) => ({ kind: "weight" as const, weight });

describe("Weights", () => {
  it("a level-specific row overrides the All row; a category without a row is null", () => {
    const r = parseDistrict(
      sampleRaw({
        Weights: [
          ["category", "LEVEL", "Weight"],
          ["Base", "All", 1],
          ["Base", "High", 1.3],
          ["Poverty", "All", 0.25],
          ["Poverty", "Middle", 0.35],
        ],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.district.levels).toEqual(["High", "Middle", "Elementary"]);
    expect(r.district.rates).toEqual([
      [w(1.3), w(0.25), null],
      [w(1), w(0.35), null],
      [w(1), w(0.25), null],
    ]);
  });

  it("reads Per Pupil dollars as integer cents (the source's Table 2.2 style)", () => {
    const r = parseDistrict(
      sampleRaw({
        Weights: [
          ["Category", "Level", "Per Pupil ($)"],
          ["Base", "Elementary", "$4,000"],
          ["Base", "Middle", 4200.5],
          ["Base", "High", "4,400.50"],
          ["Poverty", "Elementary", "$1,272"],
          ["EL", "all", 900],
        ],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const cents = r.district.rates.map((l) => l.map((x) => (x && x.kind === "perPupil" ? x.cents : null)));
    expect(cents).toEqual([
      [400000, 127200, 90000],
      [420050, null, 90000],
      [440050, null, 90000],
    ]);
  });

  it("matches a need category header written with a unit mark", () => {
    const raw = sampleRaw();
    raw.enrollment.headers[4] = "Poverty %";
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.district.needs).toEqual(["Poverty", "EL"]);
    expect(r.district.rates[0][1]).toEqual(w(0.25));
  });

  it("a level without students needs no Base rate", () => {
    const raw = sampleRaw({
      Enrollment: [
        ["School ID", "Level", "Students"],
        ["101", "Elementary", 10],
        ["102", "Pre-K", 0],
      ],
      Weights: [
        ["Category", "Level", "Weight"],
        ["Base", "Elementary", 1],
      ],
      Revenue: [
        ["Source", "Amount"],
        ["State", 100],
      ],
    });
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.district.levels).toEqual(["Elementary", "Pre-K"]);
    expect(r.district.rates[1]).toEqual([null]);
  });

  it("resolveRates ignores order of All and specific rows", () => {
    const rows: WeightRow[] = [
      { category: 0, levelKey: "b", rate: w(2), sheetRow: 2 },
      { category: 0, levelKey: null, rate: w(1), sheetRow: 3 },
    ];
    expect(resolveRates(rows, ["a", "b"], 0)).toEqual([[w(1)], [w(2)]]);
  });
});
