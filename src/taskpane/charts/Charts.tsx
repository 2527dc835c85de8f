/** The charts of each feature, each from its chart description (memoised on the results it plots). */
import { useMemo } from "react";
import type { AroiAnalysis } from "../../analysis/aroi";
import type { EquitySummary } from "../../analysis/equity";
import type { BudgetTree, MultiYearPlan, SavingsScreen } from "../../analysis/plan";
import type { Allocation } from "../../engine/types";
import { aroiChart, budgetChangeChart, budgetTreeChart, decileChart, equityScatterChart, multiYearChart, savingsChart, sourcesChart } from "../../report/charts/describe";
import { ChartView } from "./ChartView";

export function AllocationCharts({ allocation }: { allocation: Allocation }) {
  const change = useMemo(() => budgetChangeChart(allocation), [allocation]);
  const sources = useMemo(() => sourcesChart(allocation), [allocation]);
  return (
    <>
      <ChartView description={change} />
      <ChartView description={sources} />
    </>
  );
}

export function EquityCharts({ summary }: { summary: EquitySummary }) {
  const scatter = useMemo(() => equityScatterChart(summary), [summary]);
  const deciles = useMemo(() => decileChart(summary), [summary]);
  return (
    <>
      <ChartView description={scatter} />
      <ChartView description={deciles} />
    </>
  );
}

export function AroiChart({ analysis }: { analysis: AroiAnalysis }) {
  return <ChartView description={useMemo(() => aroiChart(analysis), [analysis])} />;
}

export function MultiYearChart({ plan }: { plan: MultiYearPlan }) {
  return <ChartView description={useMemo(() => multiYearChart(plan), [plan])} />;
}

export function BudgetTreeChart({ tree }: { tree: BudgetTree }) {
  return <ChartView description={useMemo(() => budgetTreeChart(tree), [tree])} />;
}

export function SavingsChart({ savings }: { savings: SavingsScreen }) {
  return <ChartView description={useMemo(() => savingsChart(savings), [savings])} />;
}
