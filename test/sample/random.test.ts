import { clamp, createRandom, mulberry32 } from "../../src/sample/random";

describe("seeded random", () => {
  test("the same seed gives the same sequence; different seeds differ", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 50 }, () => a());
    const sb = Array.from({ length: 50 }, () => b());
    const sc = Array.from({ length: 50 }, () => c());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  test("uniforms are in [0, 1) with a mean near 1/2", () => {
    const r = createRandom(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  test("int covers both ends and nothing outside", () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const x = r.int(2, 6);
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(6);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5, 6]);
    expect(() => r.int(1.2, 1.8)).toThrow(RangeError);
  });

  test("normal has the requested mean and standard deviation", () => {
    const r = createRandom(11);
    const xs = Array.from({ length: 20_000 }, () => r.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });

  test("pick, chance and shuffle", () => {
    const r = createRandom(5);
    const items = ["a", "b", "c", "d"];
    const picks = new Set(Array.from({ length: 200 }, () => r.pick(items)));
    expect(picks).toEqual(new Set(items));
    expect(() => r.pick([])).toThrow(RangeError);
    const hits = Array.from({ length: 10_000 }, () => r.chance(0.3)).filter(Boolean).length;
    expect(hits / 10_000).toBeCloseTo(0.3, 1);
    const shuffled = r.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(["a", "b", "c", "d"]);
  });

  test("clamp", () => {
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
    expect(clamp(0.5, 0, 1)).toBe(0.5);
  });
});
