/** Moving between views: deep links from a problem or a school, and back. */
import type { Env } from "../store/root";

export function goTo(env: Env, view: string): void {
  env.dispatch({ type: "nav/go", view });
  // The new view starts at its top (the pane scrolls as a whole).
  if (typeof window !== "undefined" && typeof window.scrollTo === "function" && !/jsdom/i.test(navigator.userAgent)) window.scrollTo(0, 0);
}

export function goBack(env: Env): void {
  env.dispatch({ type: "nav/back" });
}

/** Open a school's explanation in the Schools view. */
export function openSchool(env: Env, index: number): void {
  env.dispatch({ type: "schools/detail", index });
  goTo(env, "schools");
}
