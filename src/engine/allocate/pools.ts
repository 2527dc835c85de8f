import type { Source } from "../types";

/**
 * Split each source between the central office and the schools (TRM step 2: lock, unlock, grant; school share).
 * Locked sources are held centrally in full. The school pool is Amount x School Share rounded to the cent;
 * the central holdback is the rest, so the two always add up to Amount exactly.
 */
export function splitPool(s: Source): { central: number; pool: number } {
  if (s.status === "Locked") return { central: s.amount, pool: 0 };
  const share = Math.min(1, Math.max(0, s.schoolShare));
  const pool = Math.round(s.amount * share);
  return { central: s.amount - pool, pool };
}
