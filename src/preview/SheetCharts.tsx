/** The charts of the shown sheet, drawn as the add-in's pane draws them (the same descriptions Excel's charts use). */
import { useMemo } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { describePlanChart } from "../report/charts/fromPlan";
import type { SheetPlan } from "../report/plan";
import { ChartThemeContext, ChartView } from "../taskpane/charts/ChartView";

const useStyles = makeStyles({
  charts: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(320px, 1fr))", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM },
});

export function SheetCharts({ plan, theme }: { plan: SheetPlan; theme: "light" | "dark" }) {
  const s = useStyles();
  const descriptions = useMemo(() => plan.charts.map((c) => describePlanChart(plan, c)), [plan]);
  return (
    <ChartThemeContext.Provider value={theme}>
      <section className={s.charts} aria-label={`Charts on the sheet ${plan.name}`}>
        {descriptions.map((d, k) => (d ? <ChartView key={`${plan.name}-${k}`} description={d} /> : null))}
      </section>
    </ChartThemeContext.Provider>
  );
}
