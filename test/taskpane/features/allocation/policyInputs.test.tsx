/** @jest-environment jsdom */
/** The pane's policy inputs come from the policy-settings registry: every pane setting shows, reads and applies. */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DECISION_SETTINGS } from "../../../../src/engine/decisions";
import { parseDistrict } from "../../../../src/engine/parse";
import { ALLOCATION_SETTINGS } from "../../../../src/engine/policySettings";
import type { District } from "../../../../src/engine/types";
import { POLICY_INPUTS } from "../../../../src/taskpane/features/allocation/policyInputs";
import { PolicyPanel } from "../../../../src/taskpane/features/allocation/PolicyPanel";
import { smallDistrict } from "../../fixture";

const TYPED: Record<string, { text: string; value: unknown; bad: string }> = {
  money: { text: "$1,234.50", value: 123_450, bad: "abc" },
  percent: { text: "40%", value: 0.4, bad: "abc" },
  choice: { text: "Dollars", value: "dollar", bad: "nickel" },
  levels: { text: "High", value: "High", bad: "High, Kindergarten" },
};

function district(): District {
  const r = parseDistrict(smallDistrict());
  if (!r.ok) throw new Error("fixture");
  return r.district;
}

describe("pane policy inputs from the registry", () => {
  test("every setting the registry shows in the pane has an input, in registry order", () => {
    expect(POLICY_INPUTS.map((i) => i.key)).toEqual(ALLOCATION_SETTINGS.filter((s) => s.surfaces.pane).map((s) => s.key));
  });

  test.each(DECISION_SETTINGS.map((s) => [s.label, s] as const))("%s: shown, a good entry applies, a bad one is refused", (_, s) => {
    let current = district();
    const onChange = jest.fn((d: District) => (current = d));
    render(
      <FluentProvider theme={webLightTheme}>
        <PolicyPanel district={current} onChange={onChange} />
      </FluentProvider>,
    );
    const input = screen.getByLabelText(s.label);
    expect(input).toBeInTheDocument();
    const t = TYPED[s.kind];
    fireEvent.change(input, { target: { value: t.bad } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: t.text } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(current.policy[s.key]).toEqual(t.value);
    // Blank means the registry's default.
    fireEvent.change(input, { target: { value: "" } });
    expect(current.policy[s.key]).toEqual(s.default);
  });
});
