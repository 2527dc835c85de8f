/**
 * The readiness inventory in words: what each of the guidebook's four areas looks at and the questions the tool ships
 * (in this tool's own words), and the readings of the ratings.
 */
import type { ReadinessReading } from "../analysis/readiness";
import type { ReadinessArea } from "../engine/parse/readiness";

/** What each area looks at, and the shipped questions. */
export const READINESS_QUESTIONS: Record<ReadinessArea, { about: string; questions: string[] }> = {
  Vision: {
    about: "how per-pupil budgeting fits the district's vision, and who supports it",
    questions: [
      "We can describe what greater success for our students would look like in three years.",
      "The roles of the district and of each school in reaching that success are agreed and written down.",
      "The board, principals, teachers, unions and parents support changing how money reaches schools.",
    ],
  },
  Context: {
    about: "district priorities, reform history, policy, the financial climate and the school board",
    questions: [
      "We know which other initiatives are under way and how this work fits with them.",
      "We have learned from earlier attempts at school-based or student-based budgeting.",
      "The school board is a steady partner for a change that takes several years.",
      "Our budget outlook is steady enough to change how money is allocated.",
    ],
  },
  Capacity: {
    about: "district culture and the skills of central office staff, principals, teachers and the community",
    questions: [
      "Central office staff have the skills and the time to run a weighted allocation.",
      "Principals are ready to build budgets tied to their school plans.",
      "A written district policy says what schools decide and what the district decides.",
      "Parents and community members take part in school planning.",
      "Schools work together and share what works.",
    ],
  },
  Systems: {
    about: "school planning and budgeting, and the technology and communication that support it",
    questions: [
      "Schools follow a planning and budgeting calendar that leaves enough time to build a plan.",
      "Our finance system reports spending by school, fund and function.",
      "Principals have tools to see and manage their school budget during the year.",
      "We explain allocations to school communities and have a way to hear back.",
    ],
  },
};

/** A reading as printed (sheet, CLI, pane). */
export function readinessReadingText(r: ReadinessReading): string {
  switch (r.code) {
    case "strongestWeakest":
      return `Strongest area: ${r.strongest} (average rating ${r.strongestMean.toFixed(1)} of 4). Weakest: ${r.weakest} (${r.weakestMean.toFixed(1)} of 4).`;
    case "weakItems":
      return `${r.count} item${r.count === 1 ? " is" : "s are"} rated 2 or below; start with: “${r.question}”${r.owner ? ` (owner: ${r.owner})` : " (no owner named yet)"}.`;
    case "unrated":
      return `${r.count} question${r.count === 1 ? " is" : "s are"} not rated yet.`;
    case "surveyDisagrees":
      return `${r.area}: officials rate it ${r.mean.toFixed(1)} of 4, but only ${Math.round(r.agree * 100)}% of survey answers on ${r.component} agree (${r.wave}): worth a conversation.`;
  }
}
