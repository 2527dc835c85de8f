/// <reference types="office-js" />
/**
 * What the Office.js host needs from its surroundings, injectable so tests run without Office:
 * requirement-set checks and the clock.
 */

export interface ExcelEnv {
  /** `Office.context.requirements.isSetSupported(set, version)`. */
  isSetSupported(set: string, version: string): boolean;
  /** Current time (for the registry's "Written" column and scenarios). */
  now(): Date;
}

/** The real environment: asks Office which API sets this Excel supports. */
export function officeEnv(): ExcelEnv {
  return {
    isSetSupported(set: string, version: string): boolean {
      if (typeof Office === "undefined") return false;
      const req = Office.context?.requirements;
      return !!req && req.isSetSupported(set, version);
    },
    now: () => new Date(),
  };
}

/** Requirement sets the host uses, with what the user loses when one is missing. */
export const API_SETS = {
  minimum: "1.7",
  screenUpdating: "1.9",
  pageLayout: "1.9",
  dataValidation: "1.8",
  /** Bubble chart type: ExcelApi 1.1; ChartSeries.setBubbleSizes: 1.7 — both within the minimum. */
  bubble: "1.7",
  mergedAreas: "1.13",
} as const;

export function supports(env: ExcelEnv, version: string): boolean {
  return env.isSetSupported("ExcelApi", version);
}
