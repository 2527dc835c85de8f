import { useState } from "react";
import { BudgetTreeChart } from "../../charts/Charts";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses, tokens } from "@fluentui/react-components";
import type { BudgetTree, CostDrivers, TreeNode } from "../../../analysis/plan";
import { money, moneyCents, moneyShort, percent } from "../../ui/format";
import { countText } from "../../ui/numbers";
import { usePlanStyles } from "./styles";

interface TreeRow {
  key: string;
  node: TreeNode;
  depth: number;
  expandable: boolean;
}

/** The rows shown: areas, the functions of open areas, the objects of open functions. */
export function visibleRows(tree: BudgetTree, open: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const a of tree.areas) {
    const ak = `a\u0000${a.name}`;
    rows.push({ key: ak, node: a, depth: 0, expandable: a.children.length > 0 });
    if (!open.has(ak)) continue;
    for (const f of a.children) {
      const fk = `${ak}\u0000${f.name}`;
      rows.push({ key: fk, node: f, depth: 1, expandable: f.children.length > 0 });
      if (!open.has(fk)) continue;
      for (const o of f.children) rows.push({ key: `${fk}\u0000${o.name}`, node: o, depth: 2, expandable: false });
    }
  }
  return rows;
}

const fte1 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const fteText = (x: number) => `${fte1.format(x)} FTE`;

/** The keys of the open areas and functions, and a toggle for one. */
function useOpenKeys() {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (k: string) =>
    setOpen((cur) => {
      const next = new Set(cur);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  return { open, toggle };
}

/** A node's share of all Budget Lines spending ("—" when there is none). */
const shareText = (tree: BudgetTree, n: { amount: number }) => (tree.amount > 0 ? percent(n.amount / tree.amount) : "—");
// Narrow panes drop the Central and Schools columns: the split shows under the name, in short figures.
const splitText = (n: { central: number; schools: number }) => `Central ${moneyShort(n.central)} · schools ${moneyShort(n.schools)}`;

interface TreeRowProps {
  row: TreeRow;
  tree: BudgetTree;
  isOpen: boolean;
  onToggle: (key: string) => void;
}

/** One area, function or object: indented by its level, with its open/close control, amount, share and split. */
function BudgetTreeRow({ row: r, tree, isOpen, onToggle }: TreeRowProps) {
  const s = usePlanStyles();
  return (
    // The level is in the indent and the row's data attribute (aria-level is for tree grids, not tables).
    <TableRow data-level={r.depth + 1}>
      <TableCell style={{ paddingLeft: `calc(${tokens.spacingHorizontalXS} + ${r.depth * 14}px)` }}>
        <span style={{ display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXXS }}>
          {r.expandable ? (
            <Button
              size="small"
              appearance="transparent"
              className={s.toggle}
              aria-expanded={isOpen}
              aria-label={`${isOpen ? "Collapse" : "Expand"} ${r.node.name}`}
              onClick={() => onToggle(r.key)}
            >
              {isOpen ? "▾" : "▸"}
            </Button>
          ) : (
            <span aria-hidden="true" style={{ display: "inline-block", width: "1em" }} />
          )}
          <span className={r.depth === 0 ? s.strong : undefined} style={{ minWidth: 0 }}>
            {r.node.name}
            <span className={mergeClasses(s.sub, s.narrowOnly)}>{splitText(r.node)}</span>
            {r.depth === 2 && r.node.fte > 0 && <span className={s.sub}>{fteText(r.node.fte)}</span>}
          </span>
        </span>
      </TableCell>
      <TableCell className={s.num}>{money(r.node.amount)}</TableCell>
      <TableCell className={s.num}>{shareText(tree, r.node)}</TableCell>
      <TableCell className={mergeClasses(s.num, s.wideOnly)}>{money(r.node.central)}</TableCell>
      <TableCell className={mergeClasses(s.num, s.wideOnly)}>{money(r.node.schools)}</TableCell>
    </TableRow>
  );
}

/** The last row: all budget lines. */
function BudgetTreeTotal({ tree }: { tree: BudgetTree }) {
  const s = usePlanStyles();
  return (
    <TableRow>
      <TableCell className={s.strong}>
        All budget lines<span className={mergeClasses(s.sub, s.narrowOnly)}>{splitText(tree)}</span>
      </TableCell>
      <TableCell className={mergeClasses(s.num, s.strong)} data-testid="budget-tree-total">
        {money(tree.amount)}
      </TableCell>
      <TableCell className={s.num}>{tree.amount > 0 ? percent(1) : "—"}</TableCell>
      <TableCell className={mergeClasses(s.num, s.wideOnly)}>{money(tree.central)}</TableCell>
      <TableCell className={mergeClasses(s.num, s.wideOnly)}>{money(tree.schools)}</TableCell>
    </TableRow>
  );
}

/**
 * The budget tree: area → function → object, each with its amount, its share of all Budget Lines
 * spending, and the split between central spending and schools. Areas and functions open and close.
 */
export function BudgetTreeTable({ tree }: { tree: BudgetTree }) {
  const s = usePlanStyles();
  const { open, toggle } = useOpenKeys();
  return (
    <div className={s.col}>
      <Text size={200}>
        {money(tree.amount)} in {countText(tree.lines)} budget lines: central {money(tree.central)} ({shareText(tree, { amount: tree.central })}), schools{" "}
        {money(tree.schools)} ({shareText(tree, { amount: tree.schools })}){tree.fte > 0 ? `; ${fteText(tree.fte)}` : ""}. Open an area to see its functions
        and objects.
      </Text>
      <BudgetTreeChart tree={tree} />
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label="Budget tree">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Area / function / object</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>Amount</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>Share</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.numHead, s.wideOnly)}>Central</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(s.numHead, s.wideOnly)}>Schools</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visibleRows(tree, open).map((r) => (
              <BudgetTreeRow key={r.key} row={r} tree={tree} isOpen={open.has(r.key)} onToggle={toggle} />
            ))}
            <BudgetTreeTotal tree={tree} />
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

const ratio = (x: number | null) => (x === null ? "n/a" : fte1.format(x));
const perUnit = (x: number | null) => (x === null ? "n/a" : moneyCents(x));
const perFte = (x: number | null) => (x === null ? "n/a" : money(x));

/** Cost drivers: the ratios behind the largest areas of cost. A ratio without a divisor is "n/a". */
export function CostDriversView({ drivers }: { drivers: CostDrivers }) {
  const s = usePlanStyles();
  return (
    <div className={s.col}>
      <dl className={s.dl} aria-label="District cost drivers">
        <dt>Students</dt>
        <dd>{countText(drivers.students)}</dd>
        <dt>Spending per student</dt>
        <dd>{perUnit(drivers.perStudent)}</dd>
        <dt>Students per FTE</dt>
        <dd>{ratio(drivers.studentsPerFte)}</dd>
        <dt>Cost per FTE</dt>
        <dd>{perFte(drivers.costPerFte)}</dd>
        <dt>Central share of spending</dt>
        <dd>{percent(drivers.centralShare)}</dd>
      </dl>
      <div className={s.wrap}>
        <Table size="extra-small" className={s.table} aria-label="Cost drivers by area">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Area</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>Per student</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>Students per FTE</TableHeaderCell>
              <TableHeaderCell className={s.numHead}>Cost per FTE</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {drivers.byArea.map((a) => (
              <TableRow key={a.area}>
                <TableCell>
                  {a.area}
                  <span className={s.sub}>{percent(a.share)} of spending</span>
                </TableCell>
                <TableCell className={s.num}>{perUnit(a.perStudent)}</TableCell>
                <TableCell className={s.num}>{ratio(a.studentsPerFte)}</TableCell>
                <TableCell className={s.num}>{perFte(a.costPerFte)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text className={s.note}>
        Per student: spending ÷ the district's students. Students per FTE: students ÷ the area's FTE (for the area of classroom teachers, students per
        teacher). Cost per FTE: the cost of the lines that carry FTE ÷ their FTE.
      </Text>
    </div>
  );
}
