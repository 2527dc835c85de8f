/** @jest-environment jsdom */
/** The school detail shows the carried balance and what is available to spend: the engine's figures, in words. */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { allocate } from "../../../../src/engine/allocate";
import { SchoolDetail } from "../../../../src/taskpane/features/schools/SchoolDetail";
import { makeDistrict, twoSchools } from "../../../helpers/district";

// Two schools, $4,000 per weighted pupil: A = $560,000 with a $12,000 surplus, B = $440,000 with an $8,000 deficit.
const district = (prior: [number | null, number | null]) => makeDistrict(twoSchools({}, prior));

const show = (prior: [number | null, number | null], i: number) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <SchoolDetail allocation={allocate(district(prior))} index={i} onClose={() => undefined} />
    </FluentProvider>,
  );

describe("school detail: prior-year balance", () => {
  test("a surplus and a deficit, each with what is available to spend", () => {
    const { unmount } = show([12_000, -8_000], 0);
    expect(screen.getByTestId("detail-carried")).toHaveTextContent("surplus +$12,000.00");
    expect(screen.getByTestId("detail-available")).toHaveTextContent("$572,000.00");
    unmount();
    show([12_000, -8_000], 1);
    expect(screen.getByTestId("detail-carried")).toHaveTextContent("deficit \u2212$8,000.00");
    expect(screen.getByTestId("detail-available")).toHaveTextContent("$432,000.00");
  });

  test("without balances nothing about carry-over is shown", () => {
    show([null, null], 0);
    expect(screen.queryByTestId("detail-carried")).toBeNull();
    expect(screen.queryByTestId("detail-available")).toBeNull();
  });
});
