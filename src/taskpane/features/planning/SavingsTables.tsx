import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import { ACTION_LABELS } from "../../../analysis/aroi/actions";
import type { Funding, SavingsScreen } from "../../../analysis/plan";
import { money } from "../../ui/format";
import { countText } from "../../ui/numbers";
import { usePlanStyles } from "./styles";

/** Element id of a funded priority's row, so an opportunity can link to the priority it pays for. */
export function priorityRowId(initiative: string): string {
  return `sfs-priority-${initiative.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}`;
}

/** The savings by area: count, low and high. */
export function SavingsByArea({ savings }: { savings: SavingsScreen }) {
  const p = usePlanStyles();
  return (
    <>
      <h4 className={p.h}>By area</h4>
      <div className={p.wrap}>
        <Table size="extra-small" className={p.table} aria-label="Savings by area">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Area</TableHeaderCell>
              <TableHeaderCell className={p.numHead}>Count</TableHeaderCell>
              <TableHeaderCell className={p.numHead}>Low</TableHeaderCell>
              <TableHeaderCell className={p.numHead}>High</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {savings.byArea.map((a) => (
              <TableRow key={a.area}>
                <TableCell>{a.area}</TableCell>
                <TableCell className={p.num}>{a.count}</TableCell>
                <TableCell className={p.num}>{money(a.low)}</TableCell>
                <TableCell className={p.num}>{money(a.high)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** The yearly savings by plan year: low, high and committed. */
export function SavingsByYear({ savings }: { savings: SavingsScreen }) {
  const p = usePlanStyles();
  return (
    <>
      <h4 className={p.h}>By plan year (yearly savings from the first year on)</h4>
      <div className={p.wrap}>
        <Table size="extra-small" className={p.table} aria-label="Savings by year">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Year</TableHeaderCell>
              <TableHeaderCell className={p.numHead}>Low</TableHeaderCell>
              <TableHeaderCell className={p.numHead}>High</TableHeaderCell>
              <TableHeaderCell className={p.numHead}>Committed</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {savings.byYear.map((y) => (
              <TableRow key={y.year}>
                <TableCell>{y.label}</TableCell>
                <TableCell className={p.num}>{money(y.low)}</TableCell>
                <TableCell className={p.num}>{money(y.high)}</TableCell>
                <TableCell className={p.num}>{money(y.committedLow)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** The table of A-ROI priorities the committed savings pay for. */
function PrioritiesTable({ funding }: { funding: Funding }) {
  const p = usePlanStyles();
  return (
    <div className={p.wrap}>
      <Table size="extra-small" className={p.table} aria-label="Funded priorities">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Initiative</TableHeaderCell>
            <TableHeaderCell className={p.numHead}>Funded</TableHeaderCell>
            <TableHeaderCell className={p.numHead}>More students</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {funding.priorities.map((x) => (
            <TableRow key={x.initiative} id={priorityRowId(x.initiative)} tabIndex={-1}>
              <TableCell>
                {x.initiative}
                <span className={p.sub}>
                  {ACTION_LABELS[x.action]}
                  {x.strategicPriority ? ` · ${x.strategicPriority}` : ""}
                </span>
              </TableCell>
              <TableCell className={p.num}>{money(x.funded)}</TableCell>
              <TableCell className={mergeClasses(p.num, x.extraStudents > 0 && p.gain)}>+{countText(x.extraStudents)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The priorities the committed savings fund (or why none yet), and what is not yet assigned. */
export function FundedPriorities({ funding }: { funding: Funding }) {
  const p = usePlanStyles();
  return (
    <>
      <h4 className={p.h}>Priorities the committed savings fund</h4>
      {funding.priorities.length === 0 ? (
        <Text className={p.note}>
          No committed savings pay for an initiative yet{funding.committed > 0 ? ` (${money(funding.committed)} committed, no initiative to expand)` : ""}.
        </Text>
      ) : (
        <PrioritiesTable funding={funding} />
      )}
      {funding.unassigned > 0 && <Text className={p.note}>{money(funding.unassigned)} of committed savings is not yet assigned to an initiative.</Text>}
    </>
  );
}
