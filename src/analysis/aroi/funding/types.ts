/** The data of the funding reconciliation: what is read from the Funding Source column and what is computed. */
import type { Cents, Initiative, InputError, SourceResult } from "../../../engine/types";

/** The contract-style header of the optional column. */
export const FUNDING_SOURCE_COLUMN = "Funding Source";
/** Normalised header keys accepted for it (Initiative.attributes keys). */
export const FUNDING_SOURCE_KEYS = ["fundingsource", "fundingsources"] as const;

/** 100% in share units (a share unit is a millionth of a percent), so that share sums are exact integers. */
export const SHARE_UNITS = 100_000_000;

/** One initiative and its fully loaded cost (cents). */
export interface FundingCostInput {
  initiative: Initiative;
  total: Cents;
}

/** The part of an Allocation the reconciliation reads (an Allocation fits). */
export interface FundingAllocation {
  district: { schools: readonly { id: string }[] };
  sources: readonly Pick<SourceResult, "name" | "amount" | "central" | "surplus" | "toSchools" | "bySchool">[];
}

/** Where the Initiatives columns sit, so that messages name the cell (all optional). */
export interface FundingPlace {
  sheet?: string;
  /** Header as written and column letter of the Funding Source column. */
  fundingHeader?: string;
  fundingLetter?: string;
  /** Header as written and column letter of the Schools column. */
  schoolsHeader?: string;
  schoolsLetter?: string;
}

/** One source named in a Funding Source cell. */
export interface FundingShare {
  /** Index into the allocation's sources. */
  source: number;
  /** Share in SHARE_UNITS (100% = SHARE_UNITS). */
  units: number;
}

/** The parsed funding of one initiative. */
export interface InitiativeFundingSpec {
  /** The cell text, trimmed ("" when blank). */
  text: string;
  /** Null when the Funding Source is blank. */
  shares: FundingShare[] | null;
  /** School indexes (district order of first mention); null for a district-wide initiative (All or blank). */
  schools: number[] | null;
}

export type FundingParse = { ok: true; specs: InitiativeFundingSpec[] } | { ok: false; errors: InputError[] };

/** One source's part of an initiative's cost. */
export interface FundingCharge {
  source: string;
  /** Index into the allocation's sources. */
  sourceIndex: number;
  /** Fraction 0..1. */
  share: number;
  amount: Cents;
  /** Central money for a district-wide initiative, else the listed schools' allocation of the source. */
  paidFrom: "central" | "schools";
}

export interface InitiativeFunding {
  name: string;
  /** Position in the input table (0-based). */
  index: number;
  sheetRow: number;
  totalCost: Cents;
  /** The Funding Source cell as written. */
  text: string;
  scope: "district" | "schools";
  /** School IDs of a school-based initiative (empty when district-wide). */
  schools: string[];
  charges: FundingCharge[];
}

export interface UnfundedInitiative {
  name: string;
  index: number;
  sheetRow: number;
  totalCost: Cents;
}

/** A source whose initiatives cost more than the money they are charged to. */
export interface FundingFlag {
  source: string;
  sourceIndex: number;
  kind: "central" | "schools";
  /** Initiatives in the over-committed group, in table order. */
  initiatives: string[];
  /** School IDs whose allocation is over-committed (empty for a central flag). */
  schools: string[];
  /** What the group's initiatives charge (cents). */
  charged: Cents;
  /** What the money they are charged to holds (cents). */
  available: Cents;
  /** charged − available (> 0). */
  shortfall: Cents;
}

export interface SourceFunding {
  source: string;
  sourceIndex: number;
  amount: Cents;
  /** Central holdback (School Share / Locked). */
  central: Cents;
  /** Part of the school pool kept centrally. */
  surplus: Cents;
  /** central + surplus: the money district-wide initiatives are paid from. */
  heldCentrally: Cents;
  toSchools: Cents;
  chargedCentral: Cents;
  chargedSchools: Cents;
  /** chargedCentral + chargedSchools. */
  charged: Cents;
  /** heldCentrally − chargedCentral (negative when over-committed). */
  centralLeft: Cents;
  /** toSchools − chargedSchools: what the schools keep from this source for everything else. */
  schoolsLeft: Cents;
  /** amount − charged. */
  remainder: Cents;
  /** Number of initiatives charging this source. */
  initiatives: number;
  flags: FundingFlag[];
}

export interface FundingReconciliation {
  /** Every source of the allocation, in Revenue order. */
  sources: SourceFunding[];
  /** Initiatives with a Funding Source, in table order. */
  initiatives: InitiativeFunding[];
  /** Initiatives without a Funding Source, in table order (never guessed). */
  withoutSource: UnfundedInitiative[];
  /** Every flag, in source order (central first, then school groups). */
  flags: FundingFlag[];
  totals: {
    initiatives: number;
    funded: number;
    fundedCost: Cents;
    unfundedCost: Cents;
    /** Σ charges over all sources (= fundedCost). */
    charged: Cents;
    /** Sources with at least one flag. */
    overCommitted: string[];
  };
}

export type FundingResult = { ok: true; reconciliation: FundingReconciliation } | { ok: false; errors: InputError[] };

