import { Button, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import type { Allocation, District } from "../../../engine/types";
import type { Notice } from "../../store/types";
import { column, actionRow } from "../../ui/styles";
import { SolveFields } from "./SolveForm";
import { SolveFailure, SolveSolution } from "./SolveOutcome";
import { useSolve } from "./useSolve";

export { parseNumber, measureText, type TargetKind } from "./solveText";

const useStyles = makeStyles({
  col: column,
  actions: actionRow,
});

export interface SolvePanelProps {
  district: District;
  allocation: Allocation;
  disabled: boolean;
  onApply: (district: District, notice: Notice) => void;
}

/** Solve for a target: the weight of one need category that reaches a slope, a McLoone index or a school's budget. */
export function SolvePanel({ district, allocation, disabled, onApply }: SolvePanelProps) {
  const s = useStyles();
  const { form, now, error, solve, solved, result: r, clear } = useSolve(district, allocation);

  if (district.needs.length === 0)
    return <Text size={200}>Enrollment has no need category, so there is no weight to solve for.</Text>;

  return (
    <div className={s.col}>
      <Text size={200}>
        Find the weight of one need category that reaches a target, with every other decision fixed. Nothing changes until you apply it.
      </Text>
      <SolveFields district={district} form={form} now={now} />
      <div className={s.actions}>
        <Button disabled={disabled} onClick={solve}>
          Solve
        </Button>
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {solved && r && !r.found && <SolveFailure problem={r.problem} kind={solved.kind} />}
      {solved && r && r.found && (
        <SolveSolution solved={solved} result={r} level={form.level} levels={district.levels.length} disabled={disabled} onApply={onApply} onDiscard={clear} />
      )}
    </div>
  );
}
