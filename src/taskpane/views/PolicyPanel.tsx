import { makeStyles, tokens } from "@fluentui/react-components";
import { setPolicy, type PolicyDecisions } from "../../engine/decisions";
import type { District } from "../../engine/types";
import { dollarsText, parseDollars, parsePercent, percentText, type Parsed } from "../format";
import { CommitInput } from "./CommitInput";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", alignItems: "start", gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  item: { minWidth: 0 },
});

export interface PolicyPanelProps {
  district: District;
  onChange: (district: District) => void;
}

interface Setting {
  key: keyof PolicyDecisions;
  label: string;
  hint: string;
  text: (d: District) => string;
  parse: (t: string) => Parsed<number | null>;
}

const SETTINGS: Setting[] = [
  { key: "holdHarmless", label: "Hold harmless", hint: "Floor, % of current budget (blank: none)", text: (d) => percentText(d.policy.holdHarmless), parse: (t) => parsePercent(t, { blank: true, max: 1 }) },
  { key: "gainCap", label: "Gain cap", hint: "Most a school may gain, % (blank: none)", text: (d) => percentText(d.policy.gainCap), parse: (t) => parsePercent(t, { blank: true }) },
  { key: "phaseIn", label: "Phase-in", hint: "Share of the change applied this year", text: (d) => percentText(d.policy.phaseIn), parse: (t) => parsePercent(t, { max: 1 }) },
  { key: "foundationPerSchool", label: "Foundation per school", hint: "$ every school gets first", text: (d) => dollarsText(d.policy.foundationPerSchool), parse: (t) => { const p = parseDollars(t, { blank: true }); return p.ok ? { ok: true, value: p.value ?? 0 } : p; } },
  { key: "baseAmount", label: "Base amount", hint: "$ per weighted pupil (blank: solved)", text: (d) => dollarsText(d.policy.baseAmount), parse: (t) => parseDollars(t, { blank: true }) },
];

/** Policy settings: floors, caps, phase-in and the foundation; each change re-allocates at once. */
export function PolicyPanel({ district, onChange }: PolicyPanelProps) {
  const s = useStyles();
  return (
    <div className={s.grid}>
      {SETTINGS.map((st) => (
        <CommitInput
          key={st.key}
          className={s.item}
          label={st.label}
          hint={st.hint}
          value={st.text(district)}
          commit={(text) => {
            const p = st.parse(text);
            if (!p.ok) return p.message;
            try {
              onChange(setPolicy(district, { [st.key]: p.value } as Partial<PolicyDecisions>));
              return null;
            } catch (e) {
              return e instanceof Error ? e.message : String(e);
            }
          }}
        />
      ))}
    </div>
  );
}
