import { useId } from "react";
import { SavingsChart } from "../../charts/Charts";
import { Badge, Field, Link, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ACTION_LABELS } from "../../../analysis/aroi/actions";
import type { Funding, FundingLink, OpportunityStatus, Quadrant, SavingsScreen, ScreenedOpportunity } from "../../../analysis/plan";
import { money } from "../../ui/format";
import { countText } from "../../ui/numbers";
import { OPPORTUNITY_STATUSES } from "./records";
import { usePlanStyles } from "./styles";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  rank: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  name: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "break-word" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  figures: { fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase200 },
  status: { maxWidth: "220px" },
});

const QUADRANT_COLOR: Record<Quadrant, "success" | "brand" | "informative" | "warning"> = {
  "Quick win": "success",
  "Major project": "brand",
  "Easy small win": "informative",
  Reconsider: "warning",
};

/** Element id of a funded priority's row, so an opportunity can link to the priority it pays for. */
export function priorityRowId(initiative: string): string {
  return `sfs-priority-${initiative.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}`;
}

function goTo(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  if (typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "center" });
  el.focus();
}

interface CardProps {
  row: ScreenedOpportunity;
  links: FundingLink[];
  tableStatus: OpportunityStatus | undefined;
  disabled: boolean;
  onStatus: (name: string, status: OpportunityStatus | null) => void;
}

function OpportunityCard({ row: r, links, tableStatus, disabled, onStatus }: CardProps) {
  const s = useStyles();
  const p = usePlanStyles();
  const headId = useId();
  const o = r.opportunity;
  const changed = tableStatus !== undefined && tableStatus !== o.status;
  return (
    <li className={s.card} aria-labelledby={headId}>
      <div className={s.head}>
        <span className={s.rank}>{r.rank === null ? "–" : `#${r.rank}`}</span>
        <span id={headId} className={s.name}>
          {o.name}
        </span>
        {r.quadrant && (
          <Badge className={s.badge} appearance="tint" color={QUADRANT_COLOR[r.quadrant]}>
            {r.quadrant}
          </Badge>
        )}
      </div>
      <Text className={s.figures}>
        {o.area} · {money(o.low)}–{money(o.high)} a year · ease {o.ease} of 5
      </Text>
      <Text className={s.figures}>
        Impact {money(r.mid)} × ease {o.ease}/5 = {money(Math.round(r.score))}
      </Text>
      <Text className={p.note}>
        {o.constraint === "Rigid" ? "Rigid constraint" : "District preference"}; saves {r.timing}
        {o.owner ? `. Owner: ${o.owner}` : ""}.
      </Text>
      {links.length > 0 && (
        <Text className={p.note}>
          Pays for:{" "}
          {links.map((l, k) => (
            <span key={l.initiative}>
              {k > 0 && "; "}
              <Link as="button" inline onClick={() => goTo(priorityRowId(l.initiative))}>
                {l.initiative}
              </Link>{" "}
              {money(l.amount)}
              {l.how === "shared" ? " (shared among the expand candidates)" : ""}
            </span>
          ))}
        </Text>
      )}
      <Field label="Status" size="small" className={s.status} hint={changed ? `Set in the pane; the table says ${tableStatus}.` : undefined}>
        <Select
          size="small"
          aria-label={`Status of ${o.name}`}
          value={o.status}
          disabled={disabled}
          onChange={(_, d) => {
            const v = d.value as OpportunityStatus;
            onStatus(o.name, v === tableStatus ? null : v);
          }}
        >
          {OPPORTUNITY_STATUSES.map((st) => (
            <option key={st} value={st}>
              {st}
            </option>
          ))}
        </Select>
      </Field>
    </li>
  );
}

export interface SavingsPanelProps {
  savings: SavingsScreen;
  funding: Funding | null;
  tableStatuses: Record<string, OpportunityStatus>;
  disabled: boolean;
  onStatus: (name: string, status: OpportunityStatus | null) => void;
}

/**
 * The savings screener: opportunities ranked by impact × ease, totals by area and by plan year, and the
 * A-ROI priorities the committed savings pay for. The user marks each opportunity's status.
 */
export function SavingsPanel({ savings, funding, tableStatuses, disabled, onStatus }: SavingsPanelProps) {
  const s = useStyles();
  const p = usePlanStyles();
  const t = savings.totals;
  const linksOf = (name: string) => (funding ? funding.links.filter((l) => l.opportunity === name) : []);
  return (
    <div className={p.col}>
      <Text size={200}>
        {countText(t.count)} opportunities{t.rejected > 0 ? ` (and ${t.rejected} rejected)` : ""}: {money(t.low)} to {money(t.high)} a year, midpoint{" "}
        {money(t.mid)}. Committed (Approved, Funded or Implemented, at the low estimate): {money(t.committedLow)}.
        {t.blocked > 0 ? ` ${t.blocked} cannot save within the plan.` : ""}
      </Text>
      <Text className={p.note}>
        Ranked by impact × ease: the midpoint of the range × ease ÷ 5. High impact means a midpoint of at least {money(savings.impactThreshold)} (the
        median); easy means ease 4 or 5. Change a status to record a decision; it is saved in the workbook.
      </Text>
      <SavingsChart savings={savings} />
      <ol className={s.list} aria-label="Ranked opportunities">
        {savings.rows.map((r) => (
          <OpportunityCard key={`${r.opportunity.name}:${r.opportunity.sheetRow}`} row={r} links={linksOf(r.opportunity.name)} tableStatus={tableStatuses[r.opportunity.name]} disabled={disabled} onStatus={onStatus} />
        ))}
      </ol>
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
      {funding && (
        <>
          <h4 className={p.h}>Priorities the committed savings fund</h4>
          {funding.priorities.length === 0 ? (
            <Text className={p.note}>
              No committed savings pay for an initiative yet{funding.committed > 0 ? ` (${money(funding.committed)} committed, no initiative to expand)` : ""}.
            </Text>
          ) : (
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
          )}
          {funding.unassigned > 0 && <Text className={p.note}>{money(funding.unassigned)} of committed savings is not yet assigned to an initiative.</Text>}
        </>
      )}
    </div>
  );
}
