import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
} from "@fluentui/react-components";
import type { SolveProblem, SolveResult } from "../../../analysis/equity";
import type { District } from "../../../engine/types";
import { money, signedMoney } from "../../ui/format";
import type { Notice } from "../../store/types";
import { plainNumber } from "../../ui/numbers";
import { column, actionRow, note, scrollX, num, gain, loss } from "../../ui/styles";
import { formatError } from "../../../words/errors";
import { solveProblemText, solveProblemTitle } from "../../../words/equitySolve";
import { measureText, type TargetKind } from "./solveText";
import type { Solved } from "./useSolve";

const useStyles = makeStyles({
  col: column,
  actions: actionRow,
  wrap: scrollX,
  num,
  gain,
  loss,
  note,
});

const TOP_MOVERS = 5;

type Found = Extract<SolveResult, { found: true }>;

/** Why no weight was found; nothing was changed. */
export function SolveFailure({ problem, kind }: { problem: SolveProblem; kind: TargetKind }) {
  const reason = solveProblemText(problem, { formatValue: (x) => measureText(kind, x), describeError: formatError });
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{solveProblemTitle(problem)}</MessageBarTitle>
        {reason.charAt(0).toUpperCase() + reason.slice(1)}. Nothing was changed.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The schools whose budget the weight moves most, largest change first. */
function TopMovers({ result }: { result: Found }) {
  const s = useStyles();
  const movers = [...result.changes].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name)).slice(0, TOP_MOVERS);
  const tone = (d: number) => (d > 0 ? s.gain : d < 0 ? s.loss : undefined);
  return (
    <>
      <div className={s.wrap}>
        <Table size="extra-small" aria-label="Top movers">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>School</TableHeaderCell>
              <TableHeaderCell>Now</TableHeaderCell>
              <TableHeaderCell>With the weight</TableHeaderCell>
              <TableHeaderCell>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {movers.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{m.name}</TableCell>
                <TableCell className={s.num}>{money(m.before)}</TableCell>
                <TableCell className={s.num}>{money(m.after)}</TableCell>
                <TableCell className={mergeClasses(s.num, tone(m.delta))}>{signedMoney(m.delta)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text className={s.note}>
        {result.changes.filter((c) => c.delta > 0).length} schools gain, {result.changes.filter((c) => c.delta < 0).length} lose
        {result.changes.length > TOP_MOVERS ? `; the ${TOP_MOVERS} largest changes are shown` : ""}.
      </Text>
    </>
  );
}

export interface SolutionProps {
  solved: Solved;
  result: Found;
  /** The level picked in the form ("" for all levels). */
  level: string;
  levels: number;
  disabled: boolean;
  onApply: (district: District, notice: Notice) => void;
  onDiscard: () => void;
}

/** The weight found, what it reaches, the schools it moves most, and Apply / Discard. */
export function SolveSolution({ solved, result: r, level, levels, disabled, onApply, onDiscard }: SolutionProps) {
  const s = useStyles();
  const apply = () => {
    onApply(r.district, {
      intent: "success",
      title: "Weight applied",
      text: `The ${solved.category} weight is now ${plainNumber(r.weight)} at ${r.level}; the allocation was re-run.`,
    });
    onDiscard();
  };
  return (
    <div className={s.col} role="group" aria-label="Solution">
      <Text size={200}>
        Weight found: <strong>{plainNumber(r.weight)}</strong> for {solved.category}
        {level === "" && levels > 1 ? ` at ${r.level} (other levels keep their ratio to it)` : ` at ${r.level}`}. It reaches{" "}
        {measureText(solved.kind, r.achieved)} (after {r.iterations} allocations).
      </Text>
      <TopMovers result={r} />
      <div className={s.actions}>
        <Button appearance="primary" disabled={disabled} onClick={apply}>
          Apply weight
        </Button>
        <Button appearance="subtle" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </div>
  );
}
