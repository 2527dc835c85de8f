/** Typed test fixtures for the A-ROI engine (hand-made inventory; the arithmetic is checked in the tests). */
import type { Cell, Initiative, InitiativeSegment, Policy } from "../../../src/engine/types";

let row = 2;

/** An initiative with defaults (money in cents). */
export function ini(p: Partial<Initiative> & { name: string }): Initiative {
  return {
    department: "",
    coordinator: "",
    schools: "",
    strategicPriority: "",
    targetPopulation: "",
    definitionOfSuccess: "",
    directCost: 0,
    staffHours: 0,
    hourlyCost: 0,
    indirectCost: 0,
    studentsServed: 0,
    learningGain: null,
    importance: null,
    effectiveness: null,
    attributes: {} as Record<string, Cell>,
    sheetRow: row++,
    ...p,
  };
}

export function seg(initiative: string, segment: string, studentsServed: number, learningGain: number | null, cost: number | null = null): InitiativeSegment {
  return { initiative, segment, studentsServed, learningGain, cost, sheetRow: row++ };
}

export const POLICY: Pick<Policy, "gainUnit"> = { gainUnit: "effect size" };

export const SCHOOL_IDS = ["S1", "S2", "S3"];

/**
 * The inventory used across the tests. Total cost, A-ROI per $1,000 and cost per student:
 *  Peer Tutoring      20,000 + 100 h × $40 = 4,000 + 1,000 = $25,000; 0.25 × 200 / 25,000 × 1000 = 2.0;  $125/student
 *  Math Intervention  90,000 + 0 + 10,000 = $100,000;                 0.10 × 250 / 100,000 × 1000 = 0.25; $400
 *  Summer Learning    150,000 + 500 h × $50 = 25,000 + 25,000 = $200,000; 0.30 × 400 / 200,000 × 1000 = 0.6; $500
 *  Co-Teaching        $300,000;                                       0.05 × 600 / 300,000 × 1000 = 0.1;  $500
 *  Tech PD            $80,000;                                        0.01 × 400 / 80,000 × 1000 = 0.05;  $200
 *  Chess Club         $10,000;                                        0 × 50 / 10,000 = 0;                $200
 *  Mentoring          $40,000;                                        no gain → null;                     $400
 *  Reading Buddies    $5,000;                                         0.08 × 100 / 5,000 × 1000 = 1.6;    $50
 *  Family Nights      $0;                                             gain 0.1 but cost 0 → null;         (none)
 */
export function inventory(): Initiative[] {
  return [
    ini({
      name: "Peer Tutoring", department: "Academics", schools: "S1, S2", strategicPriority: "Literacy", targetPopulation: "Struggling readers",
      directCost: 2_000_000, staffHours: 100, hourlyCost: 4_000, indirectCost: 100_000, studentsServed: 200, learningGain: 0.25,
      importance: 4, effectiveness: 4, attributes: { Implemented: "Yes" },
    }),
    ini({
      name: "Math Intervention", department: "Academics", schools: "All", strategicPriority: "Math", targetPopulation: "Students behind in math",
      directCost: 9_000_000, indirectCost: 1_000_000, studentsServed: 250, learningGain: 0.1,
    }),
    ini({
      name: "Summer Learning", department: "Academics", schools: "S3", strategicPriority: "Acceleration", targetPopulation: "All students",
      directCost: 15_000_000, staffHours: 500, hourlyCost: 5_000, indirectCost: 2_500_000, studentsServed: 400, learningGain: 0.3,
    }),
    ini({
      name: "Co-Teaching", department: "Special Education", schools: "S2;S3", strategicPriority: "Inclusion", targetPopulation: "Students with disabilities",
      directCost: 30_000_000, studentsServed: 600, learningGain: 0.05, importance: 5, effectiveness: 2,
    }),
    ini({
      name: "Tech PD", department: "Technology", schools: "All", strategicPriority: "", targetPopulation: "Teachers",
      directCost: 8_000_000, studentsServed: 400, learningGain: 0.01, importance: 3, effectiveness: 1,
    }),
    ini({
      name: "Chess Club", department: "Student Services", schools: "S1", strategicPriority: "Acceleration", targetPopulation: "All students",
      directCost: 1_000_000, studentsServed: 50, learningGain: 0, importance: 2, effectiveness: 2, attributes: { Implemented: "Yes" },
    }),
    ini({
      name: "Mentoring", department: "Student Services", schools: "S2", strategicPriority: "Belonging", targetPopulation: "Students in foster care",
      directCost: 4_000_000, studentsServed: 100, learningGain: null, attributes: { Implemented: "No", Wanted: "Yes" },
    }),
    ini({
      name: "Reading Buddies", department: "Academics", schools: "S3", strategicPriority: "literacy", targetPopulation: "Struggling readers",
      directCost: 500_000, studentsServed: 100, learningGain: 0.08, attributes: { Implemented: "No", Wanted: "No" },
    }),
    ini({
      name: "Family Nights", department: "Student Services", schools: "", strategicPriority: "Belonging", targetPopulation: "Families",
      directCost: 0, studentsServed: 80, learningGain: 0.1,
    }),
  ];
}

/**
 * Math Intervention by segment (DMGroup's example): 1+ year behind 100 students × 0.22 = 22;
 * less than 1 year behind 150 × 0.02 = 3; total 25 (= 0.10 × 250). 22/25 = 88% of the gain with 100/250 = 40%
 * of the students → concentrated.
 */
export function segments(): InitiativeSegment[] {
  return [seg("Math Intervention", "1+ year behind", 100, 0.22), seg("math intervention ", "Less than 1 year behind", 150, 0.02)];
}
