import { makeStyles, tokens } from "@fluentui/react-components";
import { setPolicy, type PolicyDecisions } from "../../../engine/decisions";
import { thrownWords } from "../../../words/errors";
import type { District } from "../../../engine/types";
import { CommitInput } from "../../ui/CommitInput";
import { POLICY_INPUTS } from "./policyInputs";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", alignItems: "start", gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  item: { minWidth: 0 },
});

export interface PolicyPanelProps {
  district: District;
  onChange: (district: District) => void;
}

/** Policy settings (from the policy-settings registry); each change re-allocates at once. */
export function PolicyPanel({ district, onChange }: PolicyPanelProps) {
  const s = useStyles();
  return (
    <div className={s.grid}>
      {POLICY_INPUTS.map((st) => (
        <CommitInput
          key={st.key}
          className={s.item}
          label={st.label}
          hint={st.hint}
          value={st.text(district.policy)}
          commit={(text) => {
            const p = st.parse(text, district);
            if (!p.ok) return p.message;
            try {
              onChange(setPolicy(district, { [st.key]: p.value } as Partial<PolicyDecisions>));
              return null;
            } catch (e) {
              return thrownWords(e);
            }
          }}
        />
      ))}
    </div>
  );
}
