import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { InputError } from "../../../engine/types";
import type { TableStatus } from "../../../host/types";
import { column, actionRow, plainList, bulletList } from "../../ui/styles";
import { ProblemList } from "../../ui/ProblemList";

const useStyles = makeStyles({
  root: column,
  list: plainList,
  table: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  where: { flexBasis: "100%", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  h: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  problems: bulletList,
  actions: actionRow,
  empty: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

export interface InputsViewProps {
  status: TableStatus[];
  required: string[];
  problems: InputError[];
  busy: boolean;
  locate: (e: InputError) => { sheet: string; address: string } | null;
  onSelectProblem: (e: InputError) => void;
  onInsertSample: () => void;
  onInsertBlank: () => void;
}

export function InputsView({ status, required, problems, busy, locate, onSelectProblem, onInsertSample, onInsertBlank }: InputsViewProps) {
  const s = useStyles();
  const none = !status.some((t) => t.found);
  const missingRequired = required.filter((r) => !status.some((t) => t.name === r && t.found));
  if (none) {
    return (
      <section className={s.empty} aria-labelledby="sfs-empty-title">
        <Text as="h2" id="sfs-empty-title" weight="semibold">
          This workbook has no input tables yet
        </Text>
        <Text>Start from a sample district to explore, or insert blank tables (headers only) to fill in your own data.</Text>
        <div className={s.actions}>
          <Button appearance="primary" onClick={onInsertSample} disabled={busy}>
            Insert sample district
          </Button>
          <Button onClick={onInsertBlank} disabled={busy}>
            Insert blank templates
          </Button>
        </div>
      </section>
    );
  }
  return (
    <section className={s.root} aria-labelledby="sfs-inputs-title">
      <h2 id="sfs-inputs-title" className={s.h}>
        Inputs
      </h2>
      <ul className={s.list} aria-label="Input tables">
        {status.map((t) => (
          <li key={t.name} className={s.table}>
            <Text weight="semibold">{t.name}</Text>
            {t.found ? (
              <Badge appearance="tint" color="success">
                found
              </Badge>
            ) : (
              <Badge appearance="tint" color={required.includes(t.name) ? "danger" : "informative"}>
                {required.includes(t.name) ? "missing" : "optional, absent"}
              </Badge>
            )}
            {t.found && <Text size={200}>{t.rows === 1 ? "1 row" : `${t.rows} rows`}</Text>}
            {t.where && <Text className={s.where}>{t.where}</Text>}
          </li>
        ))}
      </ul>
      {missingRequired.length > 0 && (
        <div className={s.actions}>
          <Button onClick={onInsertBlank} disabled={busy}>
            Insert blank templates
          </Button>
        </div>
      )}
      {problems.length > 0 && (
        <div role="region" aria-label="Problems to fix">
          <Text as="h3" weight="semibold">
            {problems.length === 1 ? "1 problem to fix" : `${problems.length} problems to fix`}
          </Text>
          <ProblemList className={s.problems} problems={problems} locate={locate} onSelectProblem={onSelectProblem} />
        </div>
      )}
    </section>
  );
}
