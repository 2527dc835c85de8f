/** The words of school finance the pane uses, in plain language (the pane's Help). */
export interface GlossaryEntry {
  term: string;
  meaning: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: "Weighted student funding (WSF)",
    meaning:
      "Money follows students: each school gets a base amount per student, plus extra for students who cost more to educate (poverty, English learners, special education…), set by weights.",
  },
  { term: "Weight", meaning: "How much a student in a category counts, relative to a base student of the first level (1.0). A poverty weight of 0.4 adds 40% of the base amount." },
  {
    term: "Nominal and effective weight",
    meaning:
      "The nominal weight is the one you type in the funding formula. The effective weight also counts the restricted sources (e.g. Title I) that pay that category, so it is what a student in that cell brings in all.",
  },
  { term: "Base amount", meaning: "The dollars per weighted student. Either typed in Policy (fixed) or solved so that the pool is spent exactly." },
  { term: "Per-pupil matrix", meaning: "Dollars per student for each level (rows) and category (columns): the weights turned into money." },
  { term: "Foundation", meaning: "A fixed amount every school gets before the per-student formula (for a principal, an office…)." },
  { term: "Unlocked, Locked, Grant", meaning: "How a revenue source is used: Unlocked money goes through the formula; Locked money is held centrally; a Grant is paid on top to the schools it is for and never replaces other money." },
  { term: "Restricted source", meaning: "Money that may only pay for some students or purposes (Title I, IDEA); it stays with them and is never moved between schools by floors or caps." },
  { term: "MOB (minimum operating budget)", meaning: "The least any school receives: a school whose formula gives less is topped up to it." },
  { term: "Hold harmless", meaning: "A floor: no school falls below this share of its current budget (e.g. 95%) this year." },
  { term: "Gain cap", meaning: "A ceiling: no school rises more than this share above its current budget this year." },
  { term: "Phase-in", meaning: "The part of the move from current budgets to the formula made this year (e.g. 50% of the way)." },
  { term: "Turned-on amount", meaning: "What the formula alone would give a school, before phase-in, floors and caps: the budget it is heading to." },
  { term: "Revenue trigger", meaning: "The pool at which the weights turn on; below it schools keep their current budgets scaled to the pool." },
  { term: "Shadow notice", meaning: "Each school's turned-on amount shown beside its budget, so it can see where the formula is taking it." },
  { term: "Surplus", meaning: "Money of the pool not paid to schools (rounding, caps, a pool larger than fixed rates need); it is kept centrally and shown on its own line." },
  { term: "A-ROI (academic return on investment)", meaning: "Learning gain × students served ÷ total cost: how much learning a program buys per dollar, used to rank initiatives." },
  { term: "McLoone index", meaning: "Equity measure: what the schools below the median per-pupil amount get, as a share of what they would get at the median. 1 means nobody is below the median." },
  { term: "Coefficient of variation (CV)", meaning: "How much per-pupil amounts differ between schools: standard deviation ÷ average. 10% or less is the usual benchmark." },
  { term: "Scenario", meaning: "A saved set of decisions (weights, sources, policy) kept in the workbook, to load or compare later." },
];
