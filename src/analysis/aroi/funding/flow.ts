/**
 * The school check of the funding reconciliation as a transport problem: initiatives → their schools, each school
 * giving at most what it receives from the source, solved exactly by a maximum flow (Dinic, integer capacities).
 * When it is infeasible, the minimum cut names the connected group(s) of initiatives and schools that fall short.
 */
import type { Cents } from "../../../engine/types";

/** A max-flow network (Dinic) with integer capacities. */
class FlowNetwork {
  private readonly head: number[][];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  constructor(readonly n: number) {
    this.head = Array.from({ length: n }, () => []);
  }
  add(u: number, v: number, c: number): void {
    this.head[u].push(this.to.length);
    this.to.push(v);
    this.cap.push(c);
    this.head[v].push(this.to.length);
    this.to.push(u);
    this.cap.push(0);
  }
  private levels(s: number): number[] {
    const level = new Array<number>(this.n).fill(-1);
    level[s] = 0;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      for (const e of this.head[u]) {
        if (this.cap[e] > 0 && level[this.to[e]] < 0) {
          level[this.to[e]] = level[u] + 1;
          queue.push(this.to[e]);
        }
      }
    }
    return level;
  }
  private push(u: number, t: number, f: number, level: number[], it: number[]): number {
    if (u === t) return f;
    for (; it[u] < this.head[u].length; it[u]++) {
      const e = this.head[u][it[u]];
      const v = this.to[e];
      if (this.cap[e] > 0 && level[v] === level[u] + 1) {
        const d = this.push(v, t, Math.min(f, this.cap[e]), level, it);
        if (d > 0) {
          this.cap[e] -= d;
          this.cap[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  }
  maxFlow(s: number, t: number): number {
    let flow = 0;
    for (;;) {
      const level = this.levels(s);
      if (level[t] < 0) return flow;
      const it = new Array<number>(this.n).fill(0);
      for (let f = this.push(s, t, Number.MAX_SAFE_INTEGER, level, it); f > 0; f = this.push(s, t, Number.MAX_SAFE_INTEGER, level, it)) flow += f;
    }
  }
  /** Nodes reachable from s in the residual network (after maxFlow: the source side of a minimum cut). */
  reachable(s: number): boolean[] {
    return this.levels(s).map((l) => l >= 0);
  }
}

/** A school-based charge of one initiative to one source. */
export interface SchoolCharge {
  /** Label used in flags (the initiative's name). */
  name: string;
  amount: Cents;
  /** School indexes. */
  schools: readonly number[];
}

/** A group of school-based charges that their schools cannot pay from the source. */
export interface SchoolShortfall {
  /** Indexes into the charges. */
  charges: number[];
  /** School indexes, ascending. */
  schools: number[];
  charged: Cents;
  available: Cents;
}

/**
 * The groups of school-based charges that the listed schools' allocations (`bySchool`, cents) cannot pay, found by
 * a maximum flow from the charges to their schools. Empty when every charge can be paid. Each group is connected
 * (its initiatives share schools) and charges more than all of its schools receive together.
 */
export function schoolShortfalls(charges: readonly SchoolCharge[], bySchool: readonly Cents[]): SchoolShortfall[] {
  const used = [...new Set(charges.filter((c) => c.amount > 0).flatMap((c) => c.schools))].sort((a, b) => a - b);
  const node = new Map<number, number>();
  const m = charges.length;
  used.forEach((k, j) => node.set(k, 1 + m + j));
  const S = 0;
  const T = 1 + m + used.length;
  const g = new FlowNetwork(T + 1);
  const total = charges.reduce((t, c) => t + Math.max(0, c.amount), 0);
  charges.forEach((c, i) => {
    if (c.amount <= 0) return;
    g.add(S, 1 + i, c.amount);
    for (const k of c.schools) g.add(1 + i, node.get(k) as number, total + 1);
  });
  used.forEach((k, j) => g.add(1 + m + j, T, Math.max(0, bySchool[k] ?? 0)));
  const flow = g.maxFlow(S, T);
  if (flow >= total) return [];
  const side = g.reachable(S);
  // Connected groups of the cut's initiatives through their (reachable) schools.
  const parent = Array.from({ length: T + 1 }, (_, k) => k);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const inCut = (i: number) => charges[i].amount > 0 && side[1 + i];
  charges.forEach((c, i) => {
    if (!inCut(i)) return;
    for (const k of c.schools) parent[find(1 + i)] = find(node.get(k) as number);
  });
  const groups = new Map<number, SchoolShortfall>();
  charges.forEach((c, i) => {
    if (!inCut(i)) return;
    const root = find(1 + i);
    const g0: SchoolShortfall = groups.get(root) ?? { charges: [], schools: [], charged: 0, available: 0 };
    g0.charges.push(i);
    g0.charged += c.amount;
    groups.set(root, g0);
  });
  used.forEach((k, j) => {
    if (!side[1 + m + j]) return;
    const g0 = groups.get(find(1 + m + j));
    if (!g0) return;
    g0.schools.push(k);
    g0.available += Math.max(0, bySchool[k] ?? 0);
  });
  return [...groups.values()].filter((x) => x.charged > x.available);
}

