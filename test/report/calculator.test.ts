import { allocate } from "../../src/engine/allocate";
import { calculatorModel, evaluateModel, originalCounts, schoolAtFixedRates } from "../../src/report/calculator/model";
import { parseDistrict } from "../../src/engine/parse";
import type { Allocation } from "../../src/engine/types";
import { CALCULATOR_SHEETS, calculatorFileName, calculatorPlans, categoryCodes, DIFFERENCE_SENTENCES, differenceSentence, SHADOW_SENTENCES, shadowSentence } from "../../src/report/calculator";
import { decodeRange } from "../../src/xlsx/loaded-tables";
import type { PlanCell, SheetPlan } from "../../src/report/plan";
import { sampleDistrict } from "../../src/sample/district";

function sample(mutate?: (raw: ReturnType<typeof sampleDistrict>) => void): Allocation {
  const raw = sampleDistrict();
  mutate?.(raw);
  const parsed = parseDistrict(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return allocate(parsed.district);
}

const a = sample();
const k8 = a.schools.findIndex((s) => s.id === "K401");

function cellAt(plan: SheetPlan, ref: string): PlanCell | undefined {
  const box = decodeRange(ref);
  if (!box) return undefined;
  return plan.cells.find((c) => c.r === box.top - 1 && c.c === box.left - 1);
}

function names(plans: SheetPlan[]): { name: string; sheet: string; ref: string }[] {
  return plans.flatMap((p) => (p.names ?? []).map((n) => ({ name: n.name, sheet: p.name, ref: n.ref })));
}

describe("calculatorPlans", () => {
  const plans = calculatorPlans(a, k8, { contact: "Budget office, Ms. Rivera, 555-0100" });
  const byName = Object.fromEntries(plans.map((p) => [p.name, p]));
  const m = calculatorModel(a, k8);
  const values = evaluateModel(m, originalCounts(a, k8));

  test("six protected sheets in order, each printable on one page", () => {
    expect(plans.map((p) => p.name)).toEqual(["Cover", "Inputs", "Rates", "Budget", "Explanation", "School Plan"]);
    for (const p of plans) {
      expect(p.protect).toEqual({ password: "" });
      expect(p.print?.fitToPage).toBe(true);
    }
    expect(calculatorPlans(a, k8, { password: "s3cret" }).every((p) => p.protect?.password === "s3cret")).toBe(true);
  });

  test("Total_Budget names the Budget cell whose formula sums the sources' budgets, with the model's total cached", () => {
    const totals = names(plans).filter((n) => n.name === "Total_Budget");
    expect(totals).toHaveLength(1);
    expect(totals[0].sheet).toBe(CALCULATOR_SHEETS.budget);
    const cell = cellAt(byName.Budget, totals[0].ref) as PlanCell;
    expect(cell.f).toMatch(/^ROUND\(SUM\((Budget_[A-Za-z_]+,?)+\),2\)$|^ROUND\(SUM\(.*\),2\)$/);
    expect(cell.result).toBe(values.get(m.ids.total));
    expect(byName.Cover.cells.some((c) => c.f === "Total_Budget" && c.result === values.get(m.ids.total))).toBe(true);
  });

  test("no adjustment cell: the words beside the total say how it compares with the district's allocation", () => {
    const all = plans.flatMap((p) => p.cells.map((c) => String(c.v ?? c.result ?? "")));
    expect(all.join("\n")).not.toMatch(/rounding adjustment/i);
    expect(names(plans).map((n) => n.name)).not.toContain("Turned_On_Rounding_Adjustment");
    const total = names(plans).find((n) => n.name === "Total_Budget")!;
    const cell = cellAt(byName.Budget, total.ref) as PlanCell;
    const words = byName.Budget.cells.find((c) => c.r === cell.r && c.c === cell.c + 1);
    expect(words?.f).toMatch(/^IF\(Inputs!\$[A-Z]+\$\d+>0,"/);
    expect(words?.result).toBe(differenceSentence(0));
    expect(values.get(m.ids.districtDifference)).toBe(0);
    expect(values.get(m.ids.districtDifference)).toBe(Math.round((values.get(m.ids.total) as number) * 100 - a.schools[k8].total) / 100);
    for (const t of Object.values(DIFFERENCE_SENTENCES)) {
      expect(words?.f).toContain(`"${t}"`);
      expect(t.length).toBeLessThanOrEqual(255);
      expect(t).not.toContain('"');
    }
    expect(byName.Cover.cells.some((c) => c.f === words?.f)).toBe(true);
  });

  test("no word 'seed' on any calculator sheet", () => {
    for (const p of plans) for (const c of p.cells) expect(`${c.v ?? ""} ${c.f ?? ""} ${c.result ?? ""}`).not.toMatch(/\bseeds?\b/i);
  });

  test("the shadow notice: Cover shows this year's budget, the formula fully turned on and the gap, all live", () => {
    const school = a.schools[k8];
    const turned = names(plans).find((n) => n.name === "Turned_On_Budget");
    const gap = names(plans).find((n) => n.name === "Shadow_Gap");
    expect(turned?.sheet).toBe(CALCULATOR_SHEETS.budget);
    expect(gap?.sheet).toBe(CALCULATOR_SHEETS.budget);
    // The turned-on figure is a formula of the same model: every source's money before phase-in, floors and caps.
    const onCell = cellAt(byName.Budget, turned!.ref) as PlanCell;
    expect(onCell.f).toMatch(/^ROUND\(SUM\(F\d+(,F\d+)*\),2\)$/);
    expect(onCell.result).toBe(values.get(m.ids.turnedOn));
    const gapCell = cellAt(byName.Budget, gap!.ref) as PlanCell;
    expect(gapCell.f).toBe("ROUND(Turned_On_Budget-Total_Budget,2)");
    expect(gapCell.result).toBe(values.get(m.ids.shadowGap));
    const cover = byName.Cover;
    const rowOf = (label: string) => cover.cells.find((c) => c.c === 0 && c.v === label)?.r;
    const valueAt = (label: string) => cover.cells.find((c) => c.c === 1 && c.r === rowOf(label));
    expect(valueAt("Your budget this year")).toMatchObject({ f: "Total_Budget", result: values.get(m.ids.total) });
    expect(valueAt("With the formula fully turned on")).toMatchObject({ f: "Turned_On_Budget", result: values.get(m.ids.turnedOn) });
    expect(valueAt("Gap (turned on − this year)")).toMatchObject({ f: "Shadow_Gap", result: values.get(m.ids.shadowGap) });
    void school;
    // The sentence follows the gap's sign live, and its cached text matches this school's gap.
    const sentence = cover.cells.find((c) => c.f?.startsWith("IF(Shadow_Gap>0,"));
    expect(sentence?.result).toBe(shadowSentence(values.get(m.ids.shadowGap) as number));
    for (const t of Object.values(SHADOW_SENTENCES)) {
      expect(sentence?.f).toContain(`"${t}"`);
      expect(t.length).toBeLessThanOrEqual(255);
      expect(t).not.toContain('"');
    }
  });

  test("the shadow sentence for each school of the sample matches the sign of its gap", () => {
    const kinds = new Set<string>();
    a.schools.forEach((school, i) => {
      const cover = calculatorPlans(a, i)[0];
      const sentence = cover.cells.find((c) => c.f?.startsWith("IF(Shadow_Gap>0,"))?.result;
      const g = schoolAtFixedRates(a, i).gap;
      expect(sentence).toBe(g > 0 ? SHADOW_SENTENCES.gain : g < 0 ? SHADOW_SENTENCES.loss : SHADOW_SENTENCES.none);
      kinds.add(String(sentence));
    });
    expect(kinds.size).toBeGreaterThanOrEqual(2);
  });

  test("Input names point at the only editable count cells, holding the projected counts", () => {
    const inputNames = names(plans).filter((n) => n.name.startsWith("Input_"));
    expect(inputNames.map((n) => n.name).sort()).toEqual(
      [
        "Input_Students_Elementary",
        "Input_Poverty_Elementary",
        "Input_English_Learner_Elementary",
        "Input_Special_Education_Elementary",
        "Input_Students_Middle",
        "Input_Poverty_Middle",
        "Input_English_Learner_Middle",
        "Input_Special_Education_Middle",
      ].sort(),
    );
    const counts = originalCounts(a, k8);
    for (const n of inputNames) {
      expect(n.sheet).toBe("Inputs");
      const cell = cellAt(byName.Inputs, n.ref) as PlanCell;
      expect(cell.unlocked).toBe(true);
      const input = m.inputs.find((i) => i.name === n.name);
      expect(cell.v).toBe(counts[input!.levelIndex][input!.category]);
    }
    const unlockedInputs = byName.Inputs.cells.filter((c) => c.unlocked || c.style === "input");
    expect(unlockedInputs).toHaveLength(inputNames.length);
  });

  test("only Inputs counts and School Plan entries are unlocked", () => {
    for (const p of plans) {
      const open = p.cells.filter((c) => c.unlocked || c.style === "input");
      if (p.name === "Inputs" || p.name === "School Plan") expect(open.length).toBeGreaterThan(0);
      else expect({ sheet: p.name, open: open.length }).toEqual({ sheet: p.name, open: 0 });
      for (const c of open) expect(c.f).toBeUndefined();
    }
  });

  test("Budget lines read Input × Rate by name, and every model figure carries its computed result", () => {
    const budget = byName.Budget;
    // Each line rounds to the district's rounding unit (the sample rounds to whole dollars).
    const digits = a.district.policy.rounding === "dollar" ? 0 : 2;
    expect(budget.cells.some((c) => c.f === `ROUND(Input_Students_Elementary*Rate_Elementary_Base_State_Base_Aid,${digits})`)).toBe(true);
    // Title I has a need-share rule: its lines are × the live eligibility flag.
    expect(budget.cells.some((c) => new RegExp(`^ROUND\\(Input_Poverty_Middle\\*Rate_Middle_Poverty_Title_I_Part_A,${digits}\\)\\*F\\d+$`).test(c.f ?? ""))).toBe(true);
    // Budget_<Source> names hold each source's budget.
    for (const s of m.sources) {
      const n = names(plans).find((x) => x.name === `Budget_${s.name.replace(/[^A-Za-z0-9]+/g, "_")}`);
      expect(n).toBeDefined();
      expect(cellAt(budget, n!.ref)?.result).toBe(values.get(s.budgetId));
    }
    // Formula cells whose result is a number agree with the model's evaluation.
    const quantityResults = new Set(m.quantities.map((q) => values.get(q.id)));
    const numeric = budget.cells.filter((c) => c.f && typeof c.result === "number");
    expect(numeric.length).toBeGreaterThan(20);
    for (const c of numeric.filter((x) => /^ROUND|^IF|^SUM/.test(x.f as string) && !/^SUM\(/.test(x.f as string))) expect({ f: c.f, known: quantityResults.has(c.result as number) }).toEqual({ f: c.f, known: true });
  });

  test("readable rate names and the locked district figures", () => {
    const all = names(plans).map((n) => n.name);
    expect(all).toEqual(
      expect.arrayContaining(["Rate_Elementary_Base", "Rate_High_Special_Education", "Neutrality_Factor", "Current_Budget", "School_Floor", "Foundation_State_Base_Aid", "Turned_On_Budget", "Shadow_Gap", "District_Allocation_Total", "District_Difference"]),
    );
    expect(new Set(all.map((n) => n.toLowerCase())).size).toBe(all.length);
    const rates = byName.Rates;
    const factor = names(plans).find((n) => n.name === "Neutrality_Factor")!;
    expect(cellAt(rates, factor.ref)?.v).toBeCloseTo(a.neutralityFactor, 10);
    expect(rates.cells.some((c) => typeof c.v === "string" && /holds fixed/.test(c.v))).toBe(true);
  });

  test("no formula links outside the workbook", () => {
    for (const p of plans) for (const c of p.cells) if (c.f) expect(c.f).not.toMatch(/\[|\.xlsx/i);
  });

  test("Explanation carries the terms and the district contact", () => {
    const text = byName.Explanation.cells.map((c) => String(c.v ?? "")).join("\n");
    for (const term of ["Hold harmless", "Phase-in", "MOB", "Gain cap", "Budget-neutral factor", "District contact"]) expect(text).toContain(term);
    expect(text).toContain("Budget office, Ms. Rivera, 555-0100");
    expect(text).toContain("95%");
  });

  test("School Plan: available money per source comes from Budget and the checks flag overspending and restricted misuse", () => {
    const plan = byName["School Plan"];
    const avail = plan.cells.filter((c) => c.f && /^Budget!\$F\$\d+$/.test(c.f));
    expect(avail.length).toBe(m.sources.filter((s) => s.engine !== 0 || s.eligibleId).length);
    expect(plan.cells.some((c) => c.f?.includes('"Overspent"'))).toBe(true);
    const check = plan.cells.find((c) => c.f?.includes("Restricted source used for an ineligible category"));
    expect(check?.f).toContain('<>"SE"');
    expect(plan.cells.filter((c) => c.unlocked).length).toBe(15 * (4 + avail.length));
  });
});

describe("names and texts", () => {
  test("file names: '<ID> <Name>.xlsx', safe characters only", () => {
    const b = sample((raw) => {
      const name = raw.schools.headers.indexOf("School Name");
      raw.schools.rows[1][name] = 'North/South: "Prep"?';
    });
    expect(calculatorFileName(b, 0)).toBe("E101 Lincoln Elementary.xlsx");
    expect(calculatorFileName(b, 1)).toBe("E102 North_South_ _Prep__.xlsx");
    expect(calculatorFileName(a, a.schools.findIndex((s) => s.id === "E125"))).toBe("E125 @Home Virtual Academy.xlsx");
  });

  test("category codes are short and unique", () => {
    expect(categoryCodes(["Poverty", "English Learner", "Special Education"])).toEqual(["GEN", "POV", "EL", "SE"]);
    expect(categoryCodes(["Special Ed", "Sp Ed", "General"])).toEqual(["GEN", "SE", "SE2", "GEN2"]);
  });

  test("a school name that looks like a formula is written as text", () => {
    const b = sample((raw) => {
      raw.schools.rows[0][raw.schools.headers.indexOf("School Name")] = "=HYPERLINK(\"http://x\")";
    });
    for (const p of calculatorPlans(b, 0)) for (const c of p.cells) if (c.f) expect(c.f).not.toContain("HYPERLINK");
    const cover = calculatorPlans(b, 0)[0];
    expect(cover.cells[0].v).toBe('=HYPERLINK("http://x") (E101)');
  });
});
