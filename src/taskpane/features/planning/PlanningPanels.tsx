import { memo } from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text } from "@fluentui/react-components";
import type { OpportunityStatus } from "../../../analysis/plan";
import { money } from "../../ui/format";
import { MultiYearPanel } from "./MultiYearPanel";
import type { PlanningOutcome } from "./records";
import { SavingsPanel } from "./SavingsPanel";
import { ShadowPanel } from "./ShadowPanel";
import { usePlanStyles } from "./styles";
import { BudgetTreeTable, CostDriversView } from "./TreePanel";

export interface PlanningPanelsProps {
  outcome: Extract<PlanningOutcome, { kind: "ok" }>;
  /** Reading or writing: status changes wait. */
  disabled: boolean;
  onStatus: (name: string, status: OpportunityStatus | null) => void;
}

/**
 * The planning views: budget tree, cost drivers, savings screener, multi-year plan and shadow notice. Memoised: the
 * pane re-renders on every decision, and the panels only need to when the analysis changes.
 */
export const PlanningPanels = memo(function PlanningPanels({ outcome, disabled, onStatus }: PlanningPanelsProps) {
  const s = usePlanStyles();
  const a = outcome.analysis;
  const first = a.plan.years[0];
  const last = a.plan.years[a.plan.years.length - 1];
  return (
    <>
      <Text size={200}>
        {a.plan.years.length === 1 ? "A 1-year plan" : `A ${a.plan.years.length}-year plan`} ({first?.label}
        {last && last !== first ? ` to ${last.label}` : ""}) for {a.plan.schools.length} schools: {money(first?.allocation.totals.schools ?? 0)} to schools in
        the first year, {money(last?.allocation.totals.schools ?? 0)} in the last.
      </Text>
      <Accordion multiple collapsible defaultOpenItems={[a.tree ? "tree" : "years"]}>
        <AccordionItem value="tree">
          <AccordionHeader>Budget tree</AccordionHeader>
          <AccordionPanel>
            {a.tree ? <BudgetTreeTable tree={a.tree} /> : <Text className={s.note}>This workbook has no Budget Lines table (Fund, Area, Function, Object, School ID, Amount, FTE).</Text>}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="drivers">
          <AccordionHeader>Cost drivers</AccordionHeader>
          <AccordionPanel>
            {a.drivers ? <CostDriversView drivers={a.drivers} /> : <Text className={s.note}>Cost drivers come from the Budget Lines table, which this workbook does not have.</Text>}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="savings">
          <AccordionHeader>Savings screener</AccordionHeader>
          <AccordionPanel>
            {a.savings ? (
              <SavingsPanel savings={a.savings} funding={a.funding} tableStatuses={outcome.tableStatuses} disabled={disabled} onStatus={onStatus} />
            ) : (
              <Text className={s.note}>This workbook has no Opportunities table (Opportunity, Area, Low $, High $, Ease, Constraint, Contract End Date, Owner, Status, Funds).</Text>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="years">
          <AccordionHeader>Multi-year plan</AccordionHeader>
          <AccordionPanel>
            <MultiYearPanel plan={a.plan} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="shadow">
          <AccordionHeader>Shadow notice</AccordionHeader>
          <AccordionPanel>{a.shadow ? <ShadowPanel notice={a.shadow} label={first?.label ?? "Year 1"} /> : <Text className={s.note}>No plan year to show.</Text>}</AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
});
