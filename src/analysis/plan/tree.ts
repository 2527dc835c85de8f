/**
 * The budget tree (the Smarter School Spending project (Pivot Learning, 2017), step 1 "understand budget details"): spending broken down by area → function →
 * object, each node split between central spending and schools, with FTE. Every level adds up exactly to the level
 * above it (integer cents), so the tree shows where every dollar of the Budget Lines goes.
 */
import type { Cents } from "../../engine/types";
import type { BudgetLine } from "./types";

export type TreeLevel = "area" | "function" | "object";

export interface TreeNode {
  name: string;
  level: TreeLevel;
  amount: Cents;
  central: Cents;
  schools: Cents;
  /** Sum of the FTE given on the node's lines (lines without FTE count 0). */
  fte: number;
  /** Number of budget lines under the node. */
  lines: number;
  /** Children by amount, largest first (ties by name); empty for objects. */
  children: TreeNode[];
}

export interface BudgetTree {
  amount: Cents;
  central: Cents;
  schools: Cents;
  fte: number;
  lines: number;
  areas: TreeNode[];
  /** Spending and FTE by fund, largest first. */
  funds: { name: string; amount: Cents; central: Cents; schools: Cents }[];
}

interface Acc {
  node: TreeNode;
  kids: Map<string, Acc>;
}

function acc(name: string, level: TreeLevel): Acc {
  return { node: { name, level, amount: 0, central: 0, schools: 0, fte: 0, lines: 0, children: [] }, kids: new Map() };
}

function add(n: TreeNode, line: BudgetLine): void {
  n.amount += line.amount;
  if (line.schoolId === null) n.central += line.amount;
  else n.schools += line.amount;
  n.fte += line.fte ?? 0;
  n.lines += 1;
}

/** Largest amount first, then by name, so the order is deterministic. */
export function byAmount<T extends { amount: number; name: string }>(a: T, b: T): number {
  return b.amount - a.amount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function finish(a: Acc): TreeNode {
  const children = [...a.kids.values()].map(finish).sort(byAmount);
  return { ...a.node, fte: roundFte(a.node.fte), children };
}

/** FTE sums kept to 4 decimals so that 0.1 + 0.2 shows as 0.3. */
export function roundFte(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Build the tree. Labels match exactly as written after trimming (the parser keeps them as the user wrote them). */
export function budgetTree(lines: readonly BudgetLine[]): BudgetTree {
  const areas = new Map<string, Acc>();
  const funds = new Map<string, { name: string; amount: Cents; central: Cents; schools: Cents }>();
  const total = acc("Total", "area");
  for (const line of lines) {
    add(total.node, line);
    let a = areas.get(line.area);
    if (!a) areas.set(line.area, (a = acc(line.area, "area")));
    add(a.node, line);
    let f = a.kids.get(line.function);
    if (!f) a.kids.set(line.function, (f = acc(line.function, "function")));
    add(f.node, line);
    let o = f.kids.get(line.object);
    if (!o) f.kids.set(line.object, (o = acc(line.object, "object")));
    add(o.node, line);
    const fundName = line.fund || "(not given)";
    const fu = funds.get(fundName) ?? { name: fundName, amount: 0, central: 0, schools: 0 };
    fu.amount += line.amount;
    if (line.schoolId === null) fu.central += line.amount;
    else fu.schools += line.amount;
    funds.set(fundName, fu);
  }
  return {
    amount: total.node.amount,
    central: total.node.central,
    schools: total.node.schools,
    fte: roundFte(total.node.fte),
    lines: total.node.lines,
    areas: [...areas.values()].map(finish).sort(byAmount),
    funds: [...funds.values()].sort(byAmount),
  };
}

/** Every object leaf with its area and function, in tree order (for the treemap's data table). */
export function treeLeaves(tree: BudgetTree): { area: string; function: string; object: string; node: TreeNode }[] {
  const out: { area: string; function: string; object: string; node: TreeNode }[] = [];
  for (const a of tree.areas) for (const f of a.children) for (const o of f.children) out.push({ area: a.name, function: f.name, object: o.name, node: o });
  return out;
}
