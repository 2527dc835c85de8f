import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CalculatorState } from "./state";
import { column, actionRow } from "../../ui/styles";
import { ProgressStatus } from "../../ui/WriteStatus";

const useStyles = makeStyles({
  root: column,
  h: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: actionRow,
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  text: { overflowWrap: "break-word" },
});

export interface CalculatorStatusProps {
  calculator: CalculatorState;
  onCancel?: () => void;
  onDownloadInstead?: () => void;
}

/** Progress of a calculator build, then its outcome; a workbook that could not be opened is offered as a download. */
export function CalculatorStatus({ calculator: c, onCancel, onDownloadInstead }: CalculatorStatusProps) {
  const s = useStyles();
  if (c.phase === "idle") return null;
  if (c.phase === "running") {
    if (c.what === "one") return <Spinner size="tiny" labelPosition="after" label={`${c.progress.label}…`} />;
    return <ProgressStatus label="Building the school calculators" progress={c.progress} onCancel={onCancel} />;
  }
  if (c.phase === "done")
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody className={s.text}>
          <MessageBarTitle>{c.what === "one" ? "Calculator ready" : "Calculators ready"}</MessageBarTitle>
          {c.text}
        </MessageBarBody>
      </MessageBar>
    );
  if (c.phase === "cancelled")
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>Cancelled</MessageBarTitle>
          Nothing was downloaded.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={s.text}>
        <MessageBarTitle>{c.file ? "Could not open the calculator" : "No calculator"}</MessageBarTitle>
        {c.message}
      </MessageBarBody>
      {c.file && onDownloadInstead && (
        <MessageBarActions>
          <Button size="small" onClick={onDownloadInstead}>
            Download instead
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export interface CalculatorsViewProps {
  calculator: CalculatorState;
  schools: number;
  /** False while the allocation has errors or the pane is busy. */
  canBuild: boolean;
  onDownloadAll: () => void;
  onCancel: () => void;
}

/** The "all schools" calculators: one workbook per school, downloaded together as a .zip. */
export function CalculatorsView({ calculator, schools, canBuild, onDownloadAll, onCancel }: CalculatorsViewProps) {
  const s = useStyles();
  const running = calculator.phase === "running";
  return (
    <section className={s.root} aria-labelledby="sfs-calculators">
      <h2 id="sfs-calculators" className={s.h}>
        School calculators
      </h2>
      <Text className={s.note}>
        A workbook for each principal: the school&apos;s counts are editable, the district&apos;s rates are locked, and the budget is recalculated by formulas.
        For a single school, use &quot;Create calculator&quot; in the school&apos;s detail.
      </Text>
      <div className={s.actions}>
        <Button disabled={!canBuild || running || schools === 0} onClick={onDownloadAll}>
          Download all calculators (.zip)
        </Button>
      </div>
      {calculator.phase !== "idle" && calculator.what === "all" && <CalculatorStatus calculator={calculator} onCancel={onCancel} />}
    </section>
  );
}
