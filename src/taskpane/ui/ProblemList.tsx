import { Link, Text } from "@fluentui/react-components";
import type { InputError } from "../../engine/types";
import { formatError } from "../../words/errors";

export interface ProblemListProps {
  problems: readonly InputError[];
  /** Where a problem is in the workbook, or null when it has no cell to go to. */
  locate: (e: InputError) => { sheet: string; address: string } | null;
  onSelectProblem: (e: InputError) => void;
  className?: string;
  "aria-label"?: string;
}

/** Located problems as a numbered list: a problem with a cell is a link that selects it in the workbook. */
export function ProblemList({ problems, locate, onSelectProblem, className, "aria-label": label }: ProblemListProps) {
  return (
    <ol className={className} aria-label={label}>
      {problems.map((e, k) => (
        <li key={k}>
          {locate(e) ? (
            <Link as="button" onClick={() => onSelectProblem(e)}>
              {formatError(e)}
            </Link>
          ) : (
            <Text>{formatError(e)}</Text>
          )}
        </li>
      ))}
    </ol>
  );
}
