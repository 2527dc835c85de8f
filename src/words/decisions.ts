/**
 * The words of a saved scenario that cannot be read (src/engine/decisions.ts returns the problem as data: a code and
 * its values), e.g. `source Title I: status must be Unlocked, Locked or Grant.`
 */
import type { DecisionIndexError } from "../engine/decisions";
import { policySetting, type PolicyKey } from "../engine/policySettings";
import type { ScenarioFileProblem, ScenarioRateProblem } from "../engine/problems";

function rateWords(p: ScenarioRateProblem): string {
  switch (p) {
    case "notRate":
      return "expected a rate or null";
    case "weight":
      return "the weight must be a number";
    case "perPupil":
      return "the per-pupil amount must be a number";
    case "kind":
      return `expected kind "weight" or "perPupil"`;
  }
}

/** Why a saved scenario cannot be read, in words (one sentence). */
export function scenarioFileWords(p: ScenarioFileProblem): string {
  switch (p.code) {
    case "notJson":
      return "The scenario is not valid JSON.";
    case "notObject":
      return "The scenario is not a decisions object.";
    case "format":
      return `The scenario is not in the "${p.format}" format.`;
    case "version":
      return `Unsupported decisions version ${p.version} (this tool reads version ${p.supported}).`;
    case "levels":
      return "levels must be a list of level labels.";
    case "categories":
      return "categories must be a list of category names.";
    case "rateRows":
      return "rates must have one row per level.";
    case "rateCells":
      return `rates row ${p.row} must have one cell per category.`;
    case "rate":
      return `rate ${p.level} / ${p.category}: ${rateWords(p.problem)}`;
    case "sources":
      return "sources must be a list.";
    case "sourceObject":
      return `source ${p.source} must be an object.`;
    case "sourceName":
      return `source ${p.source} needs a name.`;
    case "sourceStatus":
      return `source ${p.name}: status must be Unlocked, Locked or Grant.`;
    case "sourceShare":
      return `source ${p.name}: school share must be a number.`;
    case "sourceFunds":
      return `source ${p.name}: funds must be text.`;
    case "sourceEligible":
      return `source ${p.name}: eligible must be text.`;
    case "policy":
      return "policy settings are missing.";
    case "policySetting": {
      const spec = policySetting(p.setting as PolicyKey);
      return `the policy setting ${spec.name} must be ${spec.expected}.`;
    }
  }
}

/** A decision's index that names nothing in the district, e.g. `No level 5` (the pane shows it under the edited cell). */
export function decisionIndexText(e: DecisionIndexError): string {
  return `No ${e.target} ${e.index}`;
}
