/**
 * Average daily attendance (ADA) funding (src/engine/allocate/attendance.ts): a hand-computed district with every
 * figure checked, a differential test against a naive reference written here (ADA counts in decimal, the rate
 * solved by the documented rule over every breakpoint, lines in BigInt), conservation and lines-add-up with ADA
 * on, whole-dollar rounding, and the located errors.
 */
import fc from "fast-check";
import { wordedError } from "../../../src/words/errors";
import { allocate } from "../../../src/engine/allocate";
import { adaDifference, adaStudents, cellAmount } from "../../../src/engine/allocate/attendance";
import { explainer } from "../../../src/engine/allocate/explain";
import { parseDistrict } from "../../../src/engine/parse";
import type { Cell, District, Line } from "../../../src/engine/types";
import { lineText } from "../../../src/words/allocation";
import { makeDistrict } from "../../helpers/district";
import { lineAmountByHand, lineProblems } from "../../helpers/lines";
import { sampleDistrict } from "../../../src/sample/district";

/** Three schools, one ADA level (High). */
function small(rounding: "cent" | "dollar" = "cent", adaLevels: string | null = "High"): District {
  return makeDistrict({
    schools: [{ id: "A" }, { id: "B", attendance: 0.938 }, { id: "C", attendance: 0.9125 }],
    needs: ["Poverty"],
    levels: ["Elementary", "High"],
    enrollment: [
      ["A", "Elementary", 100, 40],
      ["B", "High", 200, 50],
      ["C", "Elementary", 50, 0],
      ["C", "High", 150, 30],
    ],
    rates: { Elementary: { Base: 1 }, High: { Base: 1.2 }, All: { Poverty: 0.5 } },
    sources: [{ name: "State Base Aid", amount: 1_000_000 }],
    policy: { adaLevels, rounding },
  });
}

const rows = (l: Line[]) => l.map((x) => [x.kind, x.level, x.category, x.count, x.rate, x.amount]);

describe("ADA funding: a district computed by hand", () => {
  /*
   * ADA students (half-up to hundredths): B 200 × 93.80% = 187.60 (−12.40); C 150 × 91.25% = 136.875 → 136.88
   * (−13.12). Weighted pupils: Elementary Base 150 × 1.0 + High Base (187.60 + 136.88) × 1.2 = 389.376 + Poverty
   * 120 × 0.5 = 60 → 599.376. $1,000,000 / 599.376 = $1,668.4018 per weighted pupil → base $1,668.40: rates
   * Elementary $1,668.40, High $2,002.08, Poverty $834.20 (base × weight, rounded down to the cent).
   * Without ADA the weighted pupils would be 630 and the base $1,587.30: the pool is spent on attendance.
   */
  test("cent rounding: rates, every line, totals, remainder", () => {
    const a = allocate(small());
    expect(a.errors).toEqual([]);
    expect(a.sources[0].base).toBe(166_840);
    expect(a.matrix.bySource[0]).toEqual([
      [166_840, 83_420],
      [200_208, 83_420],
    ]);
    const ex = explainer(a);
    expect(rows(ex(0))).toEqual([
      ["formula", "Elementary", "Base", 100, 166_840, 16_684_000],
      ["formula", "Elementary", "Poverty", 40, 83_420, 3_336_800],
    ]);
    // −12.40 × $2,002.08 = −$24,825.792 → −$24,825.79
    expect(rows(ex(1))).toEqual([
      ["formula", "High", "Base", 200, 200_208, 40_041_600],
      ["attendance", "High", "Base", -12.4, 200_208, -2_482_579],
      ["formula", "High", "Poverty", 50, 83_420, 4_171_000],
    ]);
    // −13.12 × $2,002.08 = −$26,267.2896 → −$26,267.29
    expect(rows(ex(2))).toEqual([
      ["formula", "Elementary", "Base", 50, 166_840, 8_342_000],
      ["formula", "High", "Base", 150, 200_208, 30_031_200],
      ["attendance", "High", "Base", -13.12, 200_208, -2_626_729],
      ["formula", "High", "Poverty", 30, 83_420, 2_502_600],
    ]);
    expect(lineText(ex(1)[1])).toBe("Average daily attendance: 200 enrolled × 93.80% = 187.6 funded; −12.4 High students × $2,002.08 = −$24,825.79 (State Base Aid)");
    expect(ex(2)[2].attendance).toEqual({ enrolled: 150, rate: 0.9125, funded: 136.88 });
    expect(a.schools.map((s) => s.total)).toEqual([20_020_800, 41_730_021, 38_249_071]);
    // $1,000,000 − $200,208 − $417,300.21 − $382,490.71 = $1.08 left centrally by the whole-cent rates.
    expect(a.sources[0].remainder).toBe(108);
    expect(a.totals.schools + a.totals.central).toBe(100_000_000);
    // Students stay as enrolled (per pupil and the sheets count heads).
    expect(a.schools.map((s) => s.students)).toEqual([140 - 40, 200, 200]);
  });

  test("the rate rises for everyone because the pool is fixed; enrollment-funded lines are unchanged in form", () => {
    const off = allocate(small("cent", null));
    expect(off.sources[0].base).toBe(158_730); // $1,000,000 / 630 = $1,587.30
    const on = allocate(small());
    expect(on.sources[0].base as number).toBeGreaterThan(off.sources[0].base as number);
    // School A (no ADA level) gains; the pool is the same.
    expect(on.schools[0].total).toBeGreaterThan(off.schools[0].total);
    expect(on.totals.schools + on.totals.central).toBe(off.totals.schools + off.totals.central);
  });

  test("whole-dollar rounding: each line rounds half-up to the dollar, count × printed rate = amount", () => {
    const a = allocate(small("dollar"));
    const ex = explainer(a);
    expect(rows(ex(1))[1]).toEqual(["attendance", "High", "Base", -12.4, 200_208, -2_482_600]); // −$24,825.79 → −$24,826
    expect(rows(ex(2))[2]).toEqual(["attendance", "High", "Base", -13.12, 200_208, -2_626_700]); // −$26,267.29 → −$26,267
    expect(a.schools.map((s) => s.total)).toEqual([20_020_800, 41_730_000, 38_249_100]);
    expect(a.sources[0].remainder).toBe(100);
    expect(lineText(ex(1)[1])).toContain("= −$24,826 (State Base Aid)");
  });
});

describe("ADA students in integers", () => {
  test("half-up to hundredths, no float drift", () => {
    expect(adaStudents(150, 0.9125)).toBe(136.88); // 136.875
    expect(adaStudents(3, 0.935)).toBe(2.81); // 2.805 (a double reads 2.8049999…)
    expect(adaStudents(333, 0.938)).toBe(312.35); // 312.354
    expect(adaStudents(7, 1)).toBe(7);
    expect(adaDifference(333, 0.938)).toBe(-20.65);
    expect(adaDifference(7, 1)).toBe(0);
  });

  test("a cell is paid as its two lines", () => {
    expect(cellAmount(333, -20.65, 368_520, 1)).toBe(333 * 368_520 - 7_609_938); // −20.65 × $3,685.20 = −$76,099.38
    expect(cellAmount(333, -20.65, 368_520, 100)).toBe(122_717_200 - 7_609_900);
    expect(cellAmount(10, 0, 101, 100)).toBe(1_000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Differential: a naive reference of the documented rule.

interface Case {
  d: District;
  seed: number;
}

function randomCase(seed: number): Case {
  let x = seed >>> 0 || 1;
  const next = () => ((x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) >>> 0), x / 2 ** 32);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const levels = ["Elementary", "Middle", "High"];
  const nSchools = int(2, 4);
  const schools = Array.from({ length: nSchools }, (_, i) => ({ id: `S${i + 1}`, attendance: int(7000, 10000) / 10000 }));
  const enrollment: (string | number)[][] = [];
  for (const s of schools) {
    for (const l of levels) {
      if (next() < 0.5 && !(l === "High" && enrollment.every((r) => r[0] !== s.id))) continue;
      const n = int(1, 300);
      enrollment.push([s.id, l, n, int(0, n)]);
    }
    if (!enrollment.some((r) => r[0] === s.id)) enrollment.push([s.id, "Elementary", int(1, 300), 0]);
  }
  const w = [1, 1.05, 1.1, 1.2, 1.25, 1.3];
  const ada = levels.filter(() => next() < 0.6);
  const d = makeDistrict({
    schools,
    needs: ["Poverty"],
    levels,
    enrollment,
    rates: { Elementary: { Base: 1 }, Middle: { Base: w[int(0, 5)] }, High: { Base: w[int(0, 5)] }, All: { Poverty: [0.2, 0.35, 0.5][int(0, 2)] } },
    sources: [{ name: "General", amount: int(200_000, 6_000_000) / 100 }],
    policy: { adaLevels: (ada.length ? ada : ["High"]).join(", "), rounding: next() < 0.5 ? "cent" : "dollar" },
  });
  return { d, seed };
}

/** ADA students in hundredths by decimal strings and BigInt: round half-up of enrolled × rate. */
function naiveAda100(enrolled: number, rate: number): bigint {
  const bp = BigInt(Math.round(rate * 10000));
  const e = BigInt(Math.round(enrolled * 100));
  const p = e * bp; // hundredths × basis points = 1e-6 pupils
  return (p + 5000n) / 10000n;
}

interface NaiveCell {
  school: number;
  level: number;
  cat: number;
  enrolled100: bigint;
  funded100: bigint;
}

function naiveCells(d: District): NaiveCell[] {
  const adaNames = new Set(String(d.policy.adaLevels ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));
  const out: NaiveCell[] = [];
  for (const r of d.enrollment) {
    const rate = d.schools[r.schoolIndex].attendance;
    const onAda = adaNames.has(d.levels[r.levelIndex].toLowerCase()) && typeof rate === "number";
    const e100 = BigInt(Math.round(r.students * 100));
    out.push({ school: r.schoolIndex, level: r.levelIndex, cat: 0, enrolled100: e100, funded100: onAda ? naiveAda100(r.students, rate) : e100 });
    const p100 = BigInt(Math.round(r.needs[0] * 100));
    out.push({ school: r.schoolIndex, level: r.levelIndex, cat: 1, enrolled100: p100, funded100: p100 });
  }
  return out.filter((c) => c.enrolled100 > 0n);
}

/**
 * The documented rule, naively: every cell's rate is base × weight rounded down to the cent; the base is the
 * largest whose Σ funded pupils × rate fits the pool (found by walking every breakpoint k / weight in order); if
 * the lines (enrolled × rate and (ADA − enrolled) × rate, each rounded half-up to the unit) overshoot, aim lower by
 * the overshoot, as the engine documents (fitBase).
 */
function naiveAllocate(d: District): { rates: number[][]; bySchool: bigint[]; remainder: bigint } {
  const unit = d.policy.rounding === "dollar" ? 100 : 1;
  const weight = d.rates.map((row) => row.map((r) => (r && r.kind === "weight" ? r.weight : 0)));
  const cells = naiveCells(d);
  const pool = BigInt(Math.floor(d.sources[0].amount / unit) * unit);
  const funded = weight.map((row) => row.map(() => 0n));
  for (const c of cells) funded[c.level][c.cat] += c.funded100;
  const sum100 = (r: number[][]) => {
    let t = 0n;
    funded.forEach((row, l) => row.forEach((n, c) => (t += n * BigInt(r[l][c]))));
    return t; // hundredths of a cent
  };
  const linesAt = (r: number[][]) => {
    const by = d.schools.map(() => 0n);
    for (const c of cells) {
      const rate = r[c.level][c.cat];
      if (rate <= 0) continue;
      by[c.school] += lineAmountByHand(c.enrolled100, rate, unit);
      if (c.funded100 !== c.enrolled100) by[c.school] += lineAmountByHand(c.funded100 - c.enrolled100, rate, unit);
    }
    return by;
  };
  // Breakpoints: the base at which a cell's rate becomes k cents. The engine reads base × weight with a hair of
  // tolerance (1e-7 cent, for decimal bases), so the rate reaches k at (k − 1e-7) / weight.
  const events: { at: number; l: number; c: number; k: number }[] = [];
  let W = 0;
  funded.forEach((row, l) => row.forEach((n, c) => (W += (Number(n) / 100) * weight[l][c])));
  const maxBase = Number(pool) / W + 10;
  weight.forEach((row, l) => row.forEach((w, c) => {
    if (w > 0) for (let k = 1; (k - 1e-7) / w <= maxBase; k++) events.push({ at: (k - 1e-7) / w, l, c, k });
  }));
  events.sort((a, b) => a.at - b.at);
  const bestFor = (target: bigint): number[][] => {
    const r = weight.map((row) => row.map(() => 0));
    for (let i = 0; i < events.length; ) {
      const next = r.map((row) => row.slice());
      let j = i;
      for (; j < events.length && events[j].at === events[i].at; j++) next[events[j].l][events[j].c] = events[j].k;
      if (sum100(next) > target * 100n) break;
      next.forEach((row, l) => (r[l] = row));
      i = j;
    }
    return r;
  };
  let target = pool;
  let lines = 0;
  for (let attempt = 0; ; attempt++) {
    const r = bestFor(target);
    const by = linesAt(r);
    const paid = by.reduce((a, b) => a + b, 0n);
    const over = paid - pool;
    if (over <= 0n || attempt >= 7) return { rates: r, bySchool: by, remainder: pool - paid };
    if (lines === 0) for (const c of cells) lines += c.funded100 !== c.enrolled100 && r[c.level][c.cat] > 0 ? 2 : r[c.level][c.cat] > 0 ? 1 : 0;
    target = attempt < 6 ? target - over : pool - BigInt(Math.ceil((lines * unit) / 2));
  }
}

describe("ADA funding agrees with a naive reference of the documented rule", () => {
  test("random small districts: ADA counts, rates, every school's money, the remainder", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { d } = randomCase(seed);
        const a = allocate(d);
        expect(a.errors).toEqual([]);
        const ref = naiveAllocate(d);
        expect(a.matrix.bySource[0]).toEqual(ref.rates);
        expect(a.sources[0].bySchool.map(BigInt)).toEqual(ref.bySchool);
        expect(BigInt(a.sources[0].remainder)).toBe(ref.remainder);
        // The explanation's attendance lines carry the reference's ADA counts.
        const explain = explainer(a);
        const cells = naiveCells(d);
        a.schools.forEach((_, i) => {
          for (const l of explain(i)) {
            if (l.kind !== "attendance") continue;
            const level = d.levels.indexOf(l.level as string);
            const c = cells.find((x) => x.school === i && x.level === level && x.cat === 0) as NaiveCell;
            expect(BigInt(Math.round((l.count as number) * 100))).toBe(c.funded100 - c.enrolled100);
            expect(BigInt(Math.round((l.attendance?.funded as number) * 100))).toBe(c.funded100);
          }
        });
      }),
      // 1748767471: two cells' breakpoints (rate 49,770 at weight 1, 59,724 at 1.2) closer together than bisection
      // resolves; the largest base that fits lies between them.
      { numRuns: 80, examples: [[1748767471]] },
    );
  }, 120_000);
});

describe("with ADA on, every source conserves and the lines add up", () => {
  test("the sample district with ADA Levels = Middle, High (floors, caps, phase-in, grants, restricted sources)", () => {
    const raw = sampleDistrict();
    raw.policy.rows.push(["ADA Levels", "Middle, High"]);
    const r = parseDistrict(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const a = allocate(r.district);
    expect(a.errors).toEqual([]);
    for (const s of a.sources) expect(s.central + s.surplus + s.toSchools).toBe(s.amount);
    expect(lineProblems(a)).toEqual([]);
    const explain = explainer(a);
    const attendance = a.schools.flatMap((_, i) => explain(i)).filter((l) => l.kind === "attendance");
    expect(attendance.length).toBeGreaterThan(0);
    expect(new Set(attendance.map((l) => l.level))).toEqual(new Set(["Middle", "High"]));
  });

  test("random districts, cent and dollar rounding, with fixed $ per pupil and a Base Amount too", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom("solved", "baseAmount", "perPupil"), (seed, mode) => {
        const { d } = randomCase(seed);
        const rates = mode === "perPupil" ? d.rates.map((row) => row.map((c, k) => (c ? { kind: "perPupil" as const, cents: 50_000 + 1_000 * k } : null))) : d.rates;
        const policy = mode === "baseAmount" ? { ...d.policy, baseAmount: 61_234 } : d.policy;
        const a = allocate({ ...d, rates, policy });
        expect(a.errors).toEqual([]);
        for (const s of a.sources) expect(s.central + s.surplus + s.toSchools).toBe(s.amount);
        expect(lineProblems(a)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------------
// Located errors: nothing is allocated.

function withSchoolsAndPolicy(attendance: Cell[] | null, ada: Cell): ReturnType<typeof parseDistrict> {
  const raw = sampleDistrict();
  const col = raw.schools.headers.indexOf("Attendance Rate");
  if (attendance === null) {
    raw.schools.headers.splice(col, 1);
    for (const row of raw.schools.rows) row.splice(col, 1);
  } else attendance.forEach((v, k) => (raw.schools.rows[k][col] = v));
  raw.policy.rows.push(["ADA Levels", ada]);
  return parseDistrict(raw);
}

describe("ADA funding's located errors", () => {
  const raw = sampleDistrict();
  const col = raw.schools.headers.indexOf("Attendance Rate");
  const letter = String.fromCharCode(65 + col);
  const highRow = raw.schools.rows.findIndex((r) => String(r[0]).startsWith("H"));
  const elementaryRow = 0;
  const policyRow = raw.policy.rows.length + 2; // header on row 1, the new setting last

  test("a missing rate at an ADA level: the Schools cell, what was expected and why", () => {
    const rates = raw.schools.rows.map((r) => r[col]);
    rates[highRow] = null;
    const r = withSchoolsAndPolicy(rates, "High");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(wordedError)).toEqual([
      {
        table: "Schools",
        sheet: "Schools",
        row: highRow + 2,
        column: "Attendance Rate",
        cell: `${letter}${highRow + 2}`,
        expected: `an attendance rate above 0% and at most 100%, to at most two decimals of a percent (e.g. 93.8%) for School ID ${raw.schools.rows[highRow][0]} (Policy ADA Levels includes High)`,
        found: "a blank cell",
      },
    ]);
  });

  test("a missing rate where ADA does not apply is fine; 105% anywhere is an error, with why at an ADA level", () => {
    const rates = raw.schools.rows.map((r) => r[col]);
    rates[elementaryRow] = null;
    expect(withSchoolsAndPolicy(rates, "High").ok).toBe(true);
    rates[highRow] = "105%";
    const r = withSchoolsAndPolicy(rates, "High");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map(wordedError)).toHaveLength(1);
      expect(r.errors.map(wordedError)[0]).toMatchObject({ table: "Schools", row: highRow + 2, column: "Attendance Rate", cell: `${letter}${highRow + 2}`, found: `"105%"` });
      expect(r.errors.map(wordedError)[0].expected).toContain("(Policy ADA Levels includes High)");
    }
    const off = withSchoolsAndPolicy(rates, null);
    expect(off.ok).toBe(false);
    if (!off.ok) expect(off.errors.map(wordedError)).toEqual([expect.objectContaining({ table: "Schools", row: highRow + 2, found: `"105%"`, expected: expect.not.stringContaining("Policy ADA Levels") })]);
    rates[highRow] = "93.125%"; // three decimals of a percent
    expect(withSchoolsAndPolicy(rates, null).ok).toBe(false);
    rates[highRow] = 0;
    expect(withSchoolsAndPolicy(rates, null).ok).toBe(false);
  });

  test("no Attendance Rate column with ADA Levels set: one error per school at an ADA level", () => {
    const r = withSchoolsAndPolicy(null, "High");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const highSchools = raw.schools.rows.filter((row) => String(row[0]).startsWith("H")).length;
    expect(r.errors.map(wordedError)).toHaveLength(highSchools);
    expect(r.errors.map(wordedError)[0]).toMatchObject({ table: "Schools", column: "Attendance Rate", found: "no Attendance Rate column" });
    expect(withSchoolsAndPolicy(null, null).ok).toBe(true);
  });

  test("an unknown level name in ADA Levels is a located Policy error", () => {
    const r = withSchoolsAndPolicy(raw.schools.rows.map((row) => row[col]), "High, Kindergarten");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(wordedError)).toEqual([
      {
        table: "Policy",
        sheet: "Policy",
        row: policyRow,
        column: "Value",
        cell: `B${policyRow}`,
        expected: "level names of Enrollment separated by commas (e.g. Middle, High), or blank for none; the levels are Elementary, Middle and High",
        found: `"Kindergarten", not a level of Enrollment`,
      },
    ]);
  });

  test("an edited decision (the pane) is checked by the allocation too: errors, nothing to write", () => {
    const d = small();
    const a = allocate({ ...d, policy: { ...d.policy, adaLevels: "High, Middle" } });
    expect(a.errors.map(wordedError)).toEqual([expect.objectContaining({ table: "Policy", column: "ADA Levels", found: `"Middle", not a level of Enrollment` })]);
    const b = allocate({ ...d, policy: { ...d.policy, adaLevels: "Elementary" } });
    expect(b.errors.map(wordedError)).toEqual([expect.objectContaining({ table: "Schools", row: 2, column: "Attendance Rate", found: "no Attendance Rate column" })]);
  });
});

describe("the school calculator funds on attendance with live formulas", () => {
  test("hand case: attendance rate locked, ADA = ROUND(enrolled × rate, 2), the line = ROUND(difference × rate, digits)", async () => {
    const { calculatorModel, schoolAtFixedRates, originalCounts } = await import("../../../src/report/calculator/model");
    const { toFormula } = await import("../../../src/engine/formula/expr");
    for (const rounding of ["cent", "dollar"] as const) {
      const a = allocate(small(rounding));
      a.schools.forEach((s, i) => expect(schoolAtFixedRates(a, i).total).toBe(s.total));
      const m = calculatorModel(a, 2);
      expect(m.attendance?.levels.map((x) => x.levelIndex)).toEqual([1]);
      const rate = m.constants.find((c) => c.id === m.attendance?.rateId);
      expect(rate).toMatchObject({ kind: "attendance", name: "Attendance_Rate", value: 0.9125, fmt: "percent2" });
      const place = (id: string) => ({ name: id.replace(/:/g, "_") });
      const q = (id: string) => toFormula((m.quantities.find((x) => x.id === id) as { expr: Parameters<typeof toFormula>[0] }).expr, { sheet: "Budget", place });
      expect(q("ada:1")).toBe("ROUND(in_1_0*attendanceRate,2)");
      expect(q("adaDiff:1")).toBe("ROUND(ada_1-in_1_0,2)");
      expect(q("attendance:0:1")).toBe(`ROUND(adaDiff_1*rate_0_1_0,${rounding === "cent" ? 2 : 0})`);
      const v = schoolAtFixedRates(a, 2).values;
      expect(v.get("ada:1")).toBe(136.88);
      expect(v.get("adaDiff:1")).toBe(-13.12);
      expect(v.get("attendance:0:1")).toBe(rounding === "cent" ? -26_267.29 : -26_267);
      // 10 more High students: ADA 160 × 91.25% = 146.00; the line −14.00 × $2,002.08 = −$28,029.12.
      const counts = originalCounts(a, 2);
      counts[1][0] += 10;
      const w = schoolAtFixedRates(a, 2, counts).values;
      expect(w.get("ada:1")).toBe(146);
      expect(w.get("attendance:0:1")).toBe(rounding === "cent" ? -28_029.12 : -28_029);
      // A school without an ADA level has no attendance figures.
      expect(calculatorModel(a, 0).attendance).toBeNull();
    }
  });
});

describe("ADA Levels as a decision (the pane, saved scenarios)", () => {
  test("a scenario saved before the setting existed reads with ADA off; a saved ADA Levels round-trips", async () => {
    const { applyDecisions, extractDecisions, parseDecisions, serializeDecisions } = await import("../../../src/engine/decisions");
    const d = small();
    const x = extractDecisions(d);
    expect(x.policy.adaLevels).toBe("High");
    const old = JSON.parse(serializeDecisions(x));
    delete old.policy.adaLevels;
    const read = parseDecisions(JSON.stringify(old));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.decisions.policy.adaLevels).toBeNull();
    const applied = applyDecisions(d, read.decisions);
    expect(applied.ok && applied.district.policy.adaLevels).toBeNull();
    const again = parseDecisions(serializeDecisions(x));
    expect(again.ok && again.decisions.policy.adaLevels).toBe("High");
    const bad = JSON.parse(serializeDecisions(x));
    bad.policy.adaLevels = 7;
    expect(parseDecisions(JSON.stringify(bad)).ok).toBe(false);
  });
});
