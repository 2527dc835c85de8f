import { memo } from "react";
import { Checkbox, Link, TableCell, TableRow, makeStyles, mergeClasses } from "@fluentui/react-components";
import { money, signedMoney, signedPercent } from "../../ui/format";
import { num, wideOnly, gain, loss } from "../../ui/styles";
import type { Row } from "./rows";

/** Every row of the school table is this tall (px): the windowing counts on it. One line of text; the checkbox is 32 px. */
export const ROW_HEIGHT = 32;

const useStyles = makeStyles({
  row: { height: `${ROW_HEIGHT}px`, "& > td": { height: `${ROW_HEIGHT}px`, paddingTop: 0, paddingBottom: 0, boxSizing: "border-box", whiteSpace: "nowrap" } },
  num,
  wideOnly,
  gain,
  loss,
  // One line per row: the name column takes the width the figures leave (at least its header's 72 px) and a long
  // name ends in an ellipsis (the whole name is its tooltip and heads the school's detail).
  nameCell: { maxWidth: 0, width: "100%" },
  name: { display: "block", maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  spacer: { "& > td": { padding: 0, border: "none" } },
});

export interface SchoolRowProps {
  row: Row;
  /** 1-based position among all the table's rows, the header row being 1 (aria-rowindex). */
  rowIndex: number;
  carried: boolean;
  checked: boolean;
  onToggle: (index: number, on: boolean) => void;
  onOpen: (index: number) => void;
}

/** One school: select, name (opens its explanation), total, current, change, per pupil and, with balances, carry-over. */
export const SchoolRow = memo(function SchoolRow({ row: r, rowIndex, carried, checked, onToggle, onOpen }: SchoolRowProps) {
  const s = useStyles();
  const tone = (v: number | null) => (v === null || v === 0 ? undefined : v > 0 ? s.gain : s.loss);
  return (
    <TableRow className={s.row} aria-rowindex={rowIndex} data-school={r.index}>
      <TableCell>
        <Checkbox aria-label={`Select ${r.name}`} checked={checked} onChange={(_, d) => onToggle(r.index, d.checked === true)} />
      </TableCell>
      <TableCell className={s.nameCell}>
        <Link as="button" className={s.name} title={r.name} onClick={() => onOpen(r.index)}>
          {r.name}
        </Link>
      </TableCell>
      <TableCell className={s.num}>{money(r.total)}</TableCell>
      <TableCell className={mergeClasses(s.num, s.wideOnly)}>{r.current === null ? "—" : money(r.current)}</TableCell>
      <TableCell className={mergeClasses(s.num, s.wideOnly, tone(r.change))}>{r.change === null ? "—" : signedMoney(r.change)}</TableCell>
      <TableCell className={mergeClasses(s.num, tone(r.change))}>{r.changePct === null ? "—" : signedPercent(r.changePct)}</TableCell>
      <TableCell className={s.num}>{money(r.perPupil)}</TableCell>
      {carried && <TableCell className={mergeClasses(s.num, s.wideOnly, tone(r.carryOver))}>{r.carryOver === null ? "—" : signedMoney(r.carryOver)}</TableCell>}
      {carried && <TableCell className={mergeClasses(s.num, s.wideOnly)}>{r.available === null ? "—" : money(r.available)}</TableCell>}
    </TableRow>
  );
});

/** Stands for `rows` rows that are not rendered, so the table scrolls as if they were (hidden from assistive technology). */
export function SpacerRow({ rows, columns }: { rows: number; columns: number }) {
  const s = useStyles();
  return (
    <tr aria-hidden="true" className={s.spacer}>
      <td colSpan={columns} style={{ height: `${rows * ROW_HEIGHT}px` }} />
    </tr>
  );
}
