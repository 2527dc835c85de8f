import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { dollars } from "../../../engine/money";
import type { Allocation } from "../../../engine/types";
import { loss } from "../../ui/styles";

const useStyles = makeStyles({
  // Two cards a row in a 350 px pane (an amount in the billions still fits), more when the pane is wider.
  totals: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  stat: {
    display: "flex",
    flexDirection: "column",
    justifyContent: "space-between",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    margin: 0,
  },
  part: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  statLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  statValue: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    textAlign: "right",
    margin: 0,
  },
  // An amount with cents in the hundred millions still fits a card of a 350 px pane.
  long: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  bad: loss,
});

export interface ResultCard {
  label: string;
  cents: number;
  /** A part of the revenue pool: the parts add up to the pool, to the cent. */
  part: boolean;
  bad?: boolean;
}

/**
 * The result cards: the pool, then its parts (held centrally, surplus, to schools), which add up to it exactly; the
 * same figures as the Summary sheet and summary.json. Held centrally excludes the surplus, shown on its own card.
 */
export function resultCards(a: Allocation): ResultCard[] {
  const t = a.totals;
  const cards: ResultCard[] = [
    { label: "Revenue pool", cents: t.revenue, part: false },
    { label: "Held centrally", cents: t.central - t.surplus, part: true },
  ];
  if (t.surplus !== 0) cards.push({ label: "Surplus (kept centrally)", cents: t.surplus, part: true });
  cards.push({ label: "To schools", cents: t.schools, part: true });
  if (t.unfunded !== 0) cards.push({ label: "Unfunded formula cost", cents: t.unfunded, part: false, bad: true });
  return cards;
}

export function ResultCards({ allocation }: { allocation: Allocation }) {
  const s = useStyles();
  return (
    <dl className={s.totals} aria-label="Totals">
      {resultCards(allocation).map((x) => (
        <div key={x.label} className={mergeClasses(s.stat, x.part && s.part)}>
          <dt className={s.statLabel}>{x.label}</dt>
          <dd className={mergeClasses(s.statValue, dollars(x.cents).length > 12 && s.long, x.bad && s.bad)}>{dollars(x.cents)}</dd>
        </div>
      ))}
    </dl>
  );
}
