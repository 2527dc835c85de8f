import type { Cents } from "../../src/engine/types";
test("toolchain compiles TypeScript", () => {
  const c: Cents = 100;
  expect(c + 1).toBe(101);
});
