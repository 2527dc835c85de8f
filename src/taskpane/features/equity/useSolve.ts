import { useMemo, useState } from "react";
import { measure, solveWeight, type SolveResult, type SolveTarget } from "../../../analysis/equity";
import type { Allocation, District } from "../../../engine/types";
import { parseNumber, type TargetKind } from "./solveText";

export interface Solved {
  /** The decisions the solve started from; the result is stale once they change. */
  from: District;
  category: string;
  kind: TargetKind;
  result: SolveResult;
}

/** The solve form's typed values, each with its setter. */
export interface SolveForm {
  category: string;
  setCategory: (v: string) => void;
  kind: TargetKind;
  setKind: (v: TargetKind) => void;
  school: string;
  setSchoolId: (v: string) => void;
  level: string;
  setLevel: (v: string) => void;
  value: string;
  setValue: (v: string) => void;
  lo: string;
  setLo: (v: string) => void;
  hi: string;
  setHi: (v: string) => void;
}

/** The target's measure for the current allocation (NaN when it is not defined). */
function useMeasureNow(allocation: Allocation, kind: TargetKind, school: string): number {
  return useMemo(() => {
    try {
      return measure(allocation, kind === "schoolBudget" ? { kind, schoolId: school, value: 0 } : { kind, value: 0 });
    } catch {
      return NaN;
    }
  }, [allocation, kind, school]);
}

/** The form's state (picks fall back to the first category/school when the district changes), the measure now, and the solve. */
export function useSolve(district: District, allocation: Allocation) {
  const [category, setCategory] = useState(district.needs[0] ?? "");
  const [kind, setKind] = useState<TargetKind>("slope");
  const [schoolId, setSchoolId] = useState(district.schools[0]?.id ?? "");
  const [level, setLevel] = useState("");
  const [value, setValue] = useState("");
  const [lo, setLo] = useState("0");
  const [hi, setHi] = useState("3");
  const [error, setError] = useState<string | null>(null);
  const [solved, setSolved] = useState<Solved | null>(null);

  const pickCategory = district.needs.includes(category) ? category : (district.needs[0] ?? "");
  const pickSchool = district.schools.some((x) => x.id === schoolId) ? schoolId : (district.schools[0]?.id ?? "");
  const pickLevel = level === "" || district.levels.includes(level) ? level : "";
  const now = useMeasureNow(allocation, kind, pickSchool);

  const solve = () => {
    setError(null);
    const v = parseNumber(value);
    const l = parseNumber(lo);
    const h = parseNumber(hi);
    if (v === null) return setError(kind === "mcloone" ? "Enter a target index, e.g. 0.95." : "Enter a target in dollars, e.g. 25.");
    if (l === null || h === null) return setError("Enter the lowest and highest weight to search, e.g. 0 and 3.");
    if (kind === "schoolBudget" && v < 0) return setError("Enter a budget of $0 or more.");
    const cents = kind === "mcloone" ? v : Math.round(v * 100);
    const target: SolveTarget = kind === "schoolBudget" ? { kind, schoolId: pickSchool, value: cents } : { kind, value: cents };
    let result: SolveResult;
    try {
      result = solveWeight(district, pickCategory, target, {
        lo: l,
        hi: h,
        level: pickLevel === "" ? undefined : pickLevel,
      });
    } catch (e) {
      result = { found: false, problem: { code: "failed", message: e instanceof Error ? e.message : String(e) } };
    }
    setSolved({ from: district, category: pickCategory, kind, result });
  };

  const form: SolveForm = {
    category: pickCategory,
    setCategory,
    kind,
    setKind,
    school: pickSchool,
    setSchoolId,
    level: pickLevel,
    setLevel,
    value,
    setValue,
    lo,
    setLo,
    hi,
    setHi,
  };
  const live = solved && solved.from === district ? solved : null;
  return { form, now, error, solve, solved: live, result: live?.result, clear: () => setSolved(null) };
}
