/** A source's eligibility in plain words, from the Eligible cells the engine parses. */
import { parseEligibility, type EligibilityContext } from "../../src/engine/eligibility";
import { normalizeHeader } from "../../src/engine/parse/headers";
import type { Eligibility } from "../../src/engine/types";
import { describeEligibility, describeRule } from "../../src/words/eligibility";
import { eligibilityProblemWords } from "../../src/words/parseErrors";

const ctx: EligibilityContext = {
  levels: ["Elementary", "Middle", "High"],
  schoolIds: ["101", "102", "103"],
  needs: ["Poverty", "English Learner"],
  attributes: Object.fromEntries(["Title I", "Enrollment Cap"].map((h) => [normalizeHeader(h), h])),
};

function parsed(text: string): Eligibility {
  const p = parseEligibility(text, ctx);
  if (!p.ok) throw new Error(eligibilityProblemWords(p.problem));
  return p.value;
}

describe("describeEligibility", () => {
  it("says who is eligible in plain words", () => {
    expect(describeEligibility(parsed("All"))).toBe("All schools and levels");
    expect(describeEligibility(parsed("Elementary"))).toBe("Only the Elementary level");
    expect(describeEligibility(parsed("Elementary, Middle, High"))).toBe("Only the Elementary, Middle and High levels");
    expect(describeEligibility(parsed("101;102"))).toBe("Only schools 101 and 102");
    expect(describeEligibility(parsed("Poverty % >= 0.4 and Title I = Yes"))).toBe(
      "Only schools where Poverty share ≥ 40% and Title I = Yes",
    );
    expect(describeEligibility(parsed("Enrollment Cap <> 450"))).toBe("Only schools where Enrollment Cap ≠ 450");
  });
});

describe("describeRule", () => {
  it("writes each comparison with its sign", () => {
    expect(parsed("Poverty share < 10 and English Learner % <> 5").rules.map(describeRule)).toEqual(["Poverty share < 10%", "English Learner share ≠ 5%"]);
    expect(describeRule(parsed("Title I = No").rules[0])).toBe("Title I = No");
  });
});
