/**
 * Peer benchmarking: the district's $ per pupil by function against comparable districts — the peers' median, 25th
 * and 75th percentiles (Excel PERCENTILE.INC over the peer districts reporting the function, each district one
 * value, unweighted), the gap to the median per pupil and in total (gap × the district's students), the district's
 * rank (1 = lowest spending, among itself and the peers reporting the function); students per FTE where FTE is given;
 * the gap is taken between the per-pupil figures rounded to the cent and the total is that gap × students, so every
 * printed figure reproduces with a calculator;
 * and the central office share of spending. Pure; money in cents (per-pupil amounts unrounded); the readings are
 * data, worded in src/words/benchmark.ts.
 *
 * The district's own figures come from Budget Lines: a peer function takes the lines whose Function has that name,
 * or, when none has, the lines whose Area has it (so peers may report at either level). Its students are
 * Enrollment's Students.
 */
import { percentileInc } from "../equity/percentile";
import { labelKey } from "../../engine/parse/headers";
import type { PeersData } from "../../engine/parse/peers";
import type { BudgetLine } from "../plan/types";

export interface FunctionBenchmark {
  function: string;
  /** How the district's Budget Lines were matched: by Function, by Area, or not found. */
  matchedBy: "function" | "area" | null;
  /** The district's $ (cents) in the function; null when Budget Lines have none. */
  amount: number | null;
  perPupil: number | null;
  /** Peers reporting the function. */
  peers: number;
  peerMedian: number | null;
  peerP25: number | null;
  peerP75: number | null;
  gapPerPupil: number | null;
  gapTotal: number | null;
  /** 1 = lowest spending per pupil among the district and the peers reporting the function. */
  rank: number | null;
  /** Of how many (the district plus the peers reporting the function). */
  rankOf: number;
  fte: number | null;
  studentsPerFte: number | null;
  peerMedianStudentsPerFte: number | null;
  /** Peers' per-pupil values, by district, for the dot plot. */
  peerValues: { district: string; perPupil: number }[];
  central: boolean;
}

export interface CentralShare {
  /** The functions counted as central office. */
  functions: string[];
  /** The district's central office $ ÷ its $ over every benchmarked function. */
  share: number | null;
  peerMedian: number | null;
  peerP25: number | null;
  peerP75: number | null;
  /** Central office $ per pupil, the district's, and the peers' median. */
  perPupil: number | null;
  peerMedianPerPupil: number | null;
}

export interface Benchmark {
  students: number;
  peers: number;
  functions: FunctionBenchmark[];
  central: CentralShare;
  readings: BenchmarkReading[];
}

/**
 * What the benchmark says (worded by src/words/benchmark.ts): each function against the peer median (or that Budget
 * Lines do not have it) and its staffing, then the central office share. Money in cents.
 */
export type BenchmarkReading =
  | { code: "notInBudgetLines"; function: string }
  | { code: "againstMedian"; function: string; perPupil: number; peerMedian: number; gapPerPupil: number; gapTotal: number; rank: number | null; rankOf: number }
  | { code: "staffing"; function: string; studentsPerFte: number; peerMedian: number }
  | { code: "centralShare"; functions: string[]; share: number; peerMedian: number; perPupil: number | null; peerMedianPerPupil: number | null };

/** Functions that are central office spending, by name. */
export function isCentralOffice(fn: string): boolean {
  return /central|district administration|general administration|^\s*administration\s*$|superintendent/i.test(fn);
}

function median(xs: number[]): number | null {
  return percentileInc(xs, 0.5);
}

export function benchmark(peers: PeersData, lines: readonly BudgetLine[], students: number): Benchmark {
  const functions = peers.functions.map((fn) => functionBenchmark(fn, peers, lines, students));
  const central = centralShare(functions, peers, students);
  return { students, peers: peers.districts.length, functions, central, readings: benchmarkReadings(functions, central) };
}

/** One function: the district's amount (by Function, else by Area) per pupil against its peers'. */
function functionBenchmark(fn: string, peers: PeersData, lines: readonly BudgetLine[], students: number): FunctionBenchmark {
  const key = labelKey;
  const byFunction = lines.filter((l) => key(l.function) === key(fn));
  const byArea = byFunction.length ? [] : lines.filter((l) => key(l.area) === key(fn));
  const mine = byFunction.length ? byFunction : byArea;
  const matchedBy = byFunction.length ? "function" : byArea.length ? "area" : null;
  const amount = mine.length ? mine.reduce((t, l) => t + l.amount, 0) : null;
  const fteLines = mine.filter((l) => l.fte !== null);
  const fte = fteLines.length ? fteLines.reduce((t, l) => t + (l.fte as number), 0) : null;
  const perPupil = amount === null || !(students > 0) ? null : amount / students;
  const peerValues: { district: string; perPupil: number }[] = [];
  const peerSpf: number[] = [];
  for (const d of peers.districts) {
    const f = d.functions.get(fn);
    if (!f) continue;
    peerValues.push({ district: d.name, perPupil: f.amount / d.enrollment });
    if (f.fte !== null && f.fte > 0) peerSpf.push(d.enrollment / f.fte);
  }
  const values = peerValues.map((p) => p.perPupil);
  const peerMedian = median(values);
  // The gap between the two figures as printed (each to the cent), so that per pupil − median = gap exactly.
  const gapPerPupil = perPupil === null || peerMedian === null ? null : Math.round(perPupil) - Math.round(peerMedian);
  return {
    function: fn,
    matchedBy,
    amount,
    perPupil,
    peers: values.length,
    peerMedian,
    peerP25: percentileInc(values, 0.25),
    peerP75: percentileInc(values, 0.75),
    gapPerPupil,
    gapTotal: gapPerPupil === null ? null : gapPerPupil * students || 0,
    rank: perPupil === null ? null : 1 + values.filter((v) => v < perPupil).length,
    rankOf: values.length + 1,
    fte,
    studentsPerFte: fte !== null && fte > 0 && students > 0 ? students / fte : null,
    peerMedianStudentsPerFte: median(peerSpf),
    peerValues,
    central: isCentralOffice(fn),
  };
}

/** The central office functions' share of spending and per pupil, the district's against its peers'. */
function centralShare(functions: readonly FunctionBenchmark[], peers: PeersData, students: number): CentralShare {
  const centralFns = functions.filter((f) => f.central).map((f) => f.function);
  const shareOf = (amounts: { fn: string; amount: number }[]): number | null => {
    const total = amounts.reduce((t, a) => t + a.amount, 0);
    return total > 0 ? amounts.filter((a) => centralFns.includes(a.fn)).reduce((t, a) => t + a.amount, 0) / total : null;
  };
  const ownShare = centralFns.length ? shareOf(functions.filter((f) => f.amount !== null).map((f) => ({ fn: f.function, amount: f.amount as number }))) : null;
  const peerShares = centralFns.length
    ? peers.districts.map((d) => shareOf([...d.functions].map(([fn, v]) => ({ fn, amount: v.amount })))).filter((x): x is number => x !== null)
    : [];
  const peerCentralPerPupil = centralFns.length
    ? peers.districts.filter((d) => centralFns.some((fn) => d.functions.has(fn))).map((d) => centralFns.reduce((t, fn) => t + (d.functions.get(fn)?.amount ?? 0), 0) / d.enrollment)
    : [];
  const ownCentral = functions.filter((f) => f.central && f.amount !== null);
  return {
    functions: centralFns,
    share: ownShare,
    peerMedian: median(peerShares),
    peerP25: percentileInc(peerShares, 0.25),
    peerP75: percentileInc(peerShares, 0.75),
    perPupil: ownCentral.length && students > 0 ? ownCentral.reduce((t, f) => t + (f.amount as number), 0) / students : null,
    peerMedianPerPupil: median(peerCentralPerPupil),
  };
}

/** The readings: each function against the peer median (and its staffing), then the central office. */
function benchmarkReadings(functions: readonly FunctionBenchmark[], central: CentralShare): BenchmarkReading[] {
  const readings: BenchmarkReading[] = [];
  for (const f of functions) {
    if (f.perPupil === null) {
      readings.push({ code: "notInBudgetLines", function: f.function });
      continue;
    }
    if (f.peerMedian === null || f.gapPerPupil === null || f.gapTotal === null) continue;
    readings.push({ code: "againstMedian", function: f.function, perPupil: f.perPupil, peerMedian: f.peerMedian, gapPerPupil: f.gapPerPupil, gapTotal: f.gapTotal, rank: f.rank, rankOf: f.rankOf });
    if (f.studentsPerFte !== null && f.peerMedianStudentsPerFte !== null)
      readings.push({ code: "staffing", function: f.function, studentsPerFte: f.studentsPerFte, peerMedian: f.peerMedianStudentsPerFte });
  }
  if (central.share !== null && central.peerMedian !== null)
    readings.push({ code: "centralShare", functions: central.functions, share: central.share, peerMedian: central.peerMedian, perPupil: central.perPupil, peerMedianPerPupil: central.peerMedianPerPupil });
  return readings;
}

/** summary.json's `benchmark` object, exactly as documented: money in dollars (to the cent), FTE fields null without FTE. */
export function benchmarkJson(b: Benchmark): {
  peers: number;
  functions: {
    function: string;
    perPupil: number | null;
    peerMedian: number | null;
    peerP25: number | null;
    peerP75: number | null;
    gapPerPupil: number | null;
    gapTotal: number | null;
    rank: number | null;
    studentsPerFte: number | null;
    peerMedianStudentsPerFte: number | null;
  }[];
} {
  const usd = (c: number | null) => (c === null ? null : Math.round(c) / 100 || 0);
  return {
    peers: b.peers,
    functions: b.functions.map((f) => ({
      function: f.function,
      perPupil: usd(f.perPupil),
      peerMedian: usd(f.peerMedian),
      peerP25: usd(f.peerP25),
      peerP75: usd(f.peerP75),
      gapPerPupil: usd(f.gapPerPupil),
      gapTotal: usd(f.gapTotal),
      rank: f.rank,
      studentsPerFte: f.studentsPerFte,
      peerMedianStudentsPerFte: f.peerMedianStudentsPerFte,
    })),
  };
}
