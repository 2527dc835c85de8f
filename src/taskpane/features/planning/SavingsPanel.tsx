import { useId } from "react";
import { SavingsChart } from "../../charts/Charts";
import { Badge, Field, Link, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Funding, FundingLink, OpportunityStatus, Quadrant, SavingsScreen, ScreenedOpportunity } from "../../../analysis/plan";
import { savingsQuadrantText, savingsTimingText } from "../../../words/plan";
import { money } from "../../ui/format";
import { countText } from "../../ui/numbers";
import { OPPORTUNITY_STATUSES } from "./records";
import { usePlanStyles } from "./styles";
import { FundedPriorities, SavingsByArea, SavingsByYear, priorityRowId } from "./SavingsTables";

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
  quickWin: "success",
  majorProject: "brand",
  easySmallWin: "informative",
  reconsider: "warning",
};

export { priorityRowId };

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
            {savingsQuadrantText(r.quadrant)}
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
        {o.constraint === "Rigid" ? "Rigid constraint" : "District preference"}; saves {savingsTimingText(r.timing)}
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

/** The screen's totals and how opportunities are ranked. */
function SavingsSummary({ savings }: { savings: SavingsScreen }) {
  const p = usePlanStyles();
  const t = savings.totals;
  return (
    <>
      <Text size={200}>
        {countText(t.count)} opportunities{t.rejected > 0 ? ` (and ${t.rejected} rejected)` : ""}: {money(t.low)} to {money(t.high)} a year, midpoint{" "}
        {money(t.mid)}. Committed (Approved, Funded or Implemented, at the low estimate): {money(t.committedLow)}.
        {t.blocked > 0 ? ` ${t.blocked} cannot save within the plan.` : ""}
      </Text>
      <Text className={p.note}>
        Ranked by impact × ease: the midpoint of the range × ease ÷ 5. High impact means a midpoint of at least {money(savings.impactThreshold)} (the
        median); easy means ease 4 or 5. Change a status to record a decision; it is saved in the workbook.
      </Text>
    </>
  );
}

/**
 * The savings screener: opportunities ranked by impact × ease, totals by area and by plan year, and the
 * A-ROI priorities the committed savings pay for. The user marks each opportunity's status.
 */
export function SavingsPanel({ savings, funding, tableStatuses, disabled, onStatus }: SavingsPanelProps) {
  const s = useStyles();
  const p = usePlanStyles();
  const linksOf = (name: string) => (funding ? funding.links.filter((l) => l.opportunity === name) : []);
  return (
    <div className={p.col}>
      <SavingsSummary savings={savings} />
      <SavingsChart savings={savings} />
      <ol className={s.list} aria-label="Ranked opportunities">
        {savings.rows.map((r) => (
          <OpportunityCard key={`${r.opportunity.name}:${r.opportunity.sheetRow}`} row={r} links={linksOf(r.opportunity.name)} tableStatus={tableStatuses[r.opportunity.name]} disabled={disabled} onStatus={onStatus} />
        ))}
      </ol>
      <SavingsByArea savings={savings} />
      <SavingsByYear savings={savings} />
      {funding && <FundedPriorities funding={funding} />}
    </div>
  );
}
