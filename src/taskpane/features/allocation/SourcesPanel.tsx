import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { setSource } from "../../../engine/decisions";
import { thrownWords } from "../../../words/errors";
import type { District, Status } from "../../../engine/types";
import { money, parsePercent, percentText } from "../../ui/format";
import { CommitInput } from "../../ui/CommitInput";
import { note } from "../../ui/styles";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  head: { display: "flex", justifyContent: "space-between", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  name: { minWidth: 0, overflowWrap: "break-word" },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", textAlign: "right" },
  controls: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  control: { minWidth: 0 },
  note,
});

const STATUSES: Status[] = ["Unlocked", "Locked", "Grant"];

export interface SourcesPanelProps {
  district: District;
  onChange: (district: District) => void;
}

function why(e: unknown): string {
  return thrownWords(e).replace(/^[^:]*: /, "");
}

/** Each revenue source's status and school share; every change re-allocates at once. */
export function SourcesPanel({ district, onChange }: SourcesPanelProps) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="Revenue sources">
      {district.sources.map((src, i) => (
        <li key={src.name} className={s.item}>
          <div className={s.head}>
            <Text weight="semibold" className={s.name}>
              {src.name}
            </Text>
            <Text className={s.amount}>{money(src.amount)}</Text>
          </div>
          <Text className={s.note}>
            Funds {src.funds === "All" ? "the whole formula" : src.funds}; eligible: {src.eligible.text || "All"}
            {src.restricted ? "; restricted" : ""}
          </Text>
          <div className={s.controls}>
            <Field label="Status" size="small" className={s.control}>
              <Select
                size="small"
                aria-label={`${src.name} status`}
                value={src.status}
                onChange={(_, d) => {
                  if (STATUSES.includes(d.value as Status)) onChange(setSource(district, i, { status: d.value as Status }));
                }}
              >
                {STATUSES.map((st) => (
                  <option key={st} value={st}>
                    {st}
                  </option>
                ))}
              </Select>
            </Field>
            <CommitInput
              label={`${src.name} school share`}
              visibleLabel="School share"
              className={s.control}
              value={percentText(src.schoolShare)}
              commit={(text) => {
                const p = parsePercent(text, { max: 1 });
                if (!p.ok) return p.message;
                try {
                  onChange(setSource(district, i, { schoolShare: p.value ?? 0 }));
                  return null;
                } catch (e) {
                  return why(e);
                }
              }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
