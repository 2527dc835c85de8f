import { useId, useState } from "react";
import { Badge, Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ACTIONS, ACTION_LABELS, type AroiAction, type InitiativeResult, type Override } from "../../../analysis/aroi";
import { actionReasonText, aroiMissingText, missingDataText } from "../../../words/aroi";
import { money, moneyCents } from "../../ui/format";
import { aroiNumber, countText } from "../../ui/numbers";
import { note } from "../../ui/styles";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  name: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "break-word" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  rank: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  figures: { fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase200 },
  none: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  note,
  edit: { display: "flex", alignItems: "end", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: "120px" },
});

const BADGE: Record<AroiAction, "success" | "brand" | "informative" | "warning" | "danger" | "important" | "subtle"> = {
  expand: "success",
  keep: "brand",
  segment: "informative",
  fix: "warning",
  replace: "important",
  sunset: "danger",
  "collect data": "subtle",
};

/** The A-ROI of one initiative in words, with the district's unit; never a made-up return. */
export function aroiText(r: InitiativeResult, unit: string): string {
  if (r.aroi === null || r.per1000 === null) return r.aroiWhy === "noOutcome" || r.aroiWhy === null ? "no outcome data" : `no A-ROI: ${aroiMissingText(r.aroiWhy)}`;
  return `A-ROI ${aroiNumber(r.per1000)} ${unit} × students per $1,000 (${aroiNumber(r.aroi)} per $)`;
}

export interface InitiativeCardProps {
  result: InitiativeResult;
  unit: string;
  disabled: boolean;
  onOverride: (name: string, override: Override | null) => void;
}

/** One initiative of the ranked inventory: cost, A-ROI, the suggested action and the user's own choice. */
export function InitiativeCard({ result: r, unit, disabled, onOverride }: InitiativeCardProps) {
  const s = useStyles();
  const headId = useId();
  const [note, setNote] = useState<string | null>(null);
  const savedNote = r.override?.note ?? "";

  const choose = (action: AroiAction, text: string) => {
    const clean = text.trim();
    onOverride(r.name, action === r.suggested && clean === "" ? null : { action, note: clean });
  };
  const commitNote = () => {
    if (note !== null && note.trim() !== savedNote) choose(r.action, note);
    setNote(null);
  };

  return (
    <li className={s.card} aria-labelledby={headId}>
      <div className={s.head}>
        <span className={s.rank}>{r.rank === null ? "–" : `#${r.rank}`}</span>
        <span id={headId} className={s.name}>
          {r.name}
        </span>
        <Badge className={s.badge} appearance="tint" color={BADGE[r.action]}>
          {ACTION_LABELS[r.action]}
        </Badge>
      </div>
      <Text className={s.figures}>
        {money(r.cost.total)} · {r.cost.perStudent === null ? "no students served" : `${moneyCents(r.cost.perStudent)} per student`} · {countText(r.students)} students
      </Text>
      <Text className={r.aroi === null ? s.none : s.figures}>{aroiText(r, unit)}</Text>
      <Text className={s.note}>
        Suggested: {ACTION_LABELS[r.suggested]}. {actionReasonText(r.reason)}
      </Text>
      {r.missing.length > 0 && <Text className={s.note}>Missing: {r.missing.map(missingDataText).join("; ")}.</Text>}
      <div className={s.edit}>
        <Field label="Your action" size="small" className={s.grow}>
          <Select
            size="small"
            aria-label={`Action for ${r.name}`}
            value={r.action}
            disabled={disabled}
            onChange={(_, d) => choose(d.value as AroiAction, note ?? savedNote)}
          >
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
                {a === r.suggested ? " (suggested)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        {r.override && (
          <Button size="small" appearance="subtle" disabled={disabled} aria-label={`Reset ${r.name} to the suggested action`} onClick={() => onOverride(r.name, null)}>
            Reset
          </Button>
        )}
      </div>
      {r.override && (
        <Field label="Why (note)" size="small">
          <Input
            size="small"
            aria-label={`Note for ${r.name}`}
            value={note ?? savedNote}
            disabled={disabled}
            placeholder="e.g. Board priority this year"
            onChange={(_, d) => setNote(d.value)}
            onBlur={commitNote}
            onKeyDown={(e) => {
              if (e.key === "Enter") commitNote();
            }}
          />
        </Field>
      )}
    </li>
  );
}
