/**
 * Funding reconciliation of the A-ROI inventory (issue 6): the sources paying for each initiative, compared with
 * what the allocation leaves for them.
 *
 * Input: the optional Initiatives column `Funding Source` (read by cell.ts). Shares must be above 0%, at most 100%,
 * and add up to exactly 100% (to a millionth of a percent). An initiative with a Funding Source and a Schools list
 * must list School IDs of the Schools table. Every problem is a located InputError, collected in one pass.
 *
 * Rules (money in integer cents):
 * - Each initiative's fully loaded total cost is split over its sources by largest remainder in proportion to the
 *   shares, so the parts add up to the total cost exactly.
 * - An initiative run for specific schools (a Schools list) is paid from those schools' allocation of the source
 *   (Σ bySchool over its schools). A district-wide one (Schools `All` or blank) is paid from central money: the
 *   source's central holdback + surplus.
 * - Central check, per source: the district-wide charges must not exceed the central money.
 * - School check, per source: the school-based charges must be payable from the listed schools' allocations when
 *   initiatives share schools. This is a transport problem (initiatives → their schools, each school giving at most
 *   what it receives from the source), solved exactly by a maximum flow. When it is infeasible, the minimum cut names
 *   the group(s) of initiatives whose charges exceed everything their schools receive from the source; each group
 *   (a connected set of initiatives and schools) becomes one flag (in words by fundingFlagText, src/words/funding.ts).
 * - Initiatives without a Funding Source are listed as such; no source is ever guessed.
 * Conservation: Σ charges of an initiative = its total cost; Σ charges over sources = Σ costs of the funded ones.
 */
import type { Cents, Initiative } from "../../../engine/types";
import { splitInProportion } from "../split";
import { parseFunding } from "./cell";
import { schoolShortfalls, type SchoolCharge } from "./flow";
import {
  SHARE_UNITS,
  type FundingAllocation,
  type FundingCharge,
  type FundingCostInput,
  type FundingFlag,
  type FundingPlace,
  type FundingResult,
  type InitiativeFunding,
  type InitiativeFundingSpec,
  type SourceFunding,
  type UnfundedInitiative,
} from "./types";

/** The part of an A-ROI analysis the reconciliation reads: each initiative with its cost, and its table position. */
export interface CostedInitiatives {
  results: readonly { index: number; initiative: Initiative; cost: { total: Cents } }[];
}

function inputsOf(input: CostedInitiatives | readonly FundingCostInput[]): FundingCostInput[] {
  if (Array.isArray(input)) return [...(input as readonly FundingCostInput[])];
  const a = input as CostedInitiatives;
  return [...a.results].sort((x, y) => x.index - y.index).map((x) => ({ initiative: x.initiative, total: x.cost.total }));
}

/** Each initiative's cost split over its funding sources, and the charges each source carries (central or by school). */
function chargeInitiatives(items: readonly FundingCostInput[], specs: readonly InitiativeFundingSpec[], allocation: FundingAllocation, ids: readonly string[]) {
  const initiatives: InitiativeFunding[] = [];
  const withoutSource: UnfundedInitiative[] = [];
  const central: { name: string; amount: Cents }[][] = allocation.sources.map(() => []);
  const bySchools: SchoolCharge[][] = allocation.sources.map(() => []);
  items.forEach((x, index) => {
    const spec = specs[index];
    const i = x.initiative;
    if (spec.shares === null) {
      withoutSource.push({ name: i.name, index, sheetRow: i.sheetRow, totalCost: x.total });
      return;
    }
    const parts = splitInProportion(x.total, spec.shares.map((s) => s.units));
    const paidFrom = spec.schools === null ? "central" : "schools";
    const charges: FundingCharge[] = spec.shares.map((s, k) => ({
      source: allocation.sources[s.source].name,
      sourceIndex: s.source,
      share: s.units / SHARE_UNITS,
      amount: parts[k],
      paidFrom,
    }));
    for (const c of charges) {
      if (spec.schools === null) central[c.sourceIndex].push({ name: i.name, amount: c.amount });
      else bySchools[c.sourceIndex].push({ name: i.name, amount: c.amount, schools: spec.schools });
    }
    initiatives.push({
      name: i.name,
      index,
      sheetRow: i.sheetRow,
      totalCost: x.total,
      text: spec.text,
      scope: spec.schools === null ? "district" : "schools",
      schools: spec.schools === null ? [] : spec.schools.map((k) => ids[k]),
      charges,
    });
  });
  return { initiatives, withoutSource, central, bySchools };
}

/** One source: what it holds centrally and pays to schools, what the initiatives charge it, and where that is more than it has. */
function sourceFunding(
  s: FundingAllocation["sources"][number],
  k: number,
  central: readonly { name: string; amount: Cents }[],
  bySchools: readonly SchoolCharge[],
  ids: readonly string[],
): SourceFunding {
  const heldCentrally = s.central + s.surplus;
  const chargedCentral = central.reduce((t, c) => t + c.amount, 0);
  const chargedSchools = bySchools.reduce((t, c) => t + c.amount, 0);
  const own: FundingFlag[] = [];
  if (chargedCentral > heldCentrally) {
    const names = central.filter((c) => c.amount > 0).map((c) => c.name);
    own.push({
      source: s.name,
      sourceIndex: k,
      kind: "central",
      initiatives: names,
      schools: [],
      charged: chargedCentral,
      available: heldCentrally,
      shortfall: chargedCentral - heldCentrally,
    });
  }
  for (const g of schoolShortfalls(bySchools, s.bySchool)) {
    const names = g.charges.map((c) => bySchools[c].name);
    const schoolIds = g.schools.map((j) => ids[j]);
    own.push({
      source: s.name,
      sourceIndex: k,
      kind: "schools",
      initiatives: names,
      schools: schoolIds,
      charged: g.charged,
      available: g.available,
      shortfall: g.charged - g.available,
    });
  }
  return {
    source: s.name,
    sourceIndex: k,
    amount: s.amount,
    central: s.central,
    surplus: s.surplus,
    heldCentrally,
    toSchools: s.toSchools,
    chargedCentral,
    chargedSchools,
    charged: chargedCentral + chargedSchools,
    centralLeft: heldCentrally - chargedCentral,
    schoolsLeft: s.toSchools - chargedSchools,
    remainder: s.amount - chargedCentral - chargedSchools,
    initiatives: central.length + bySchools.length,
    flags: own,
  };
}

/**
 * Reconcile the initiatives' funding sources with the allocation. `input` is the A-ROI analysis (its costs, in
 * table order) or the initiatives with their total costs. Errors (bad Funding Source, unknown School IDs) come back
 * as located InputErrors, nothing else is computed then.
 */
export function reconcileFunding(
  input: CostedInitiatives | readonly FundingCostInput[],
  allocation: FundingAllocation,
  place: FundingPlace = {},
): FundingResult {
  const items = inputsOf(input);
  const parsed = parseFunding(
    items.map((x) => x.initiative),
    allocation,
    place,
  );
  if (!parsed.ok) return parsed;
  const ids = allocation.district.schools.map((s) => s.id);
  const { initiatives, withoutSource, central, bySchools } = chargeInitiatives(items, parsed.specs, allocation, ids);
  const sources = allocation.sources.map((s, k) => sourceFunding(s, k, central[k], bySchools[k], ids));
  const flags = sources.flatMap((s) => s.flags);
  const fundedCost = initiatives.reduce((t, x) => t + x.totalCost, 0);
  return {
    ok: true,
    reconciliation: {
      sources,
      initiatives,
      withoutSource,
      flags,
      totals: {
        initiatives: items.length,
        funded: initiatives.length,
        fundedCost,
        unfundedCost: withoutSource.reduce((t, x) => t + x.totalCost, 0),
        charged: sources.reduce((t, s) => t + s.charged, 0),
        overCommitted: sources.filter((s) => s.flags.length > 0).map((s) => s.source),
      },
    },
  };
}

