import type { District } from "../../src/engine/types";
import { makeDistrict, type SimpleSource } from "./district";

/** Random districts from a seed: levels, needs, weights or fixed rates, statuses, shares, funds, eligibility, policy. */
export function randomDistrict(seed: number): District {
  let t = seed >>> 0;
  const rnd = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const levels = ["Elementary", "Middle", "High"].slice(0, int(1, 3));
  const needs = ["Poverty", "EL", "SpEd"].slice(0, int(0, 3));
  const nSchools = int(1, 12);
  const schools = Array.from({ length: nSchools }, (_, i) => ({
    id: `S${i}`,
    current: rnd() < 0.8 ? int(0, 5_000_000) + int(0, 99) / 100 : null,
    minimum: rnd() < 0.3 ? int(0, 1_500_000) : null,
    attributes: { TitleI: rnd() < 0.5 ? "Yes" : "No" },
  }));
  const enrollment: (string | number)[][] = [];
  schools.forEach((s) => {
    const own = levels.filter(() => rnd() < 0.7);
    if (own.length === 0 && rnd() < 0.9) own.push(levels[int(0, levels.length - 1)]);
    for (const level of own) {
      const students = int(0, 1500);
      enrollment.push([s.id, level, students, ...needs.map(() => int(0, students))]);
    }
  });
  const fixedMode = rnd() < 0.25;
  const mixed = !fixedMode && rnd() < 0.15;
  const rates: Record<string, Record<string, number | { pp: number }>> = {};
  for (const level of levels) {
    rates[level] = {};
    for (const cat of ["Base", ...needs]) {
      if (cat !== "Base" && rnd() < 0.15) continue;
      const wgt = cat === "Base" ? 0.8 + rnd() : rnd() * 1.2;
      rates[level][cat] = fixedMode || (mixed && rnd() < 0.5) ? { pp: Math.round(wgt * 4000 * 100) / 100 } : Math.round(wgt * 1000) / 1000;
    }
  }
  const nSources = int(1, 6);
  const sources: SimpleSource[] = Array.from({ length: nSources }, (_, k) => {
    const status = (["Unlocked", "Unlocked", "Locked", "Grant"] as const)[int(0, 3)];
    const funds = rnd() < 0.6 || needs.length === 0 ? "All" : needs[int(0, needs.length - 1)];
    const r = rnd();
    return {
      name: `Src${k}`,
      amount: int(0, 20_000_000) + int(0, 99) / 100,
      status,
      share: status === "Locked" ? 0 : rnd() < 0.3 ? 1 : rnd(),
      funds,
      restricted: rnd() < 0.2,
      levels: r < 0.15 ? [levels[int(0, levels.length - 1)]] : null,
      ids: r >= 0.15 && r < 0.25 ? schools.filter(() => rnd() < 0.5).map((s) => s.id) : null,
      rules:
        r >= 0.25 && r < 0.35 && needs.length
          ? [{ kind: "share", key: needs[0], label: `${needs[0]} %`, op: ">=", value: int(0, 100) }]
          : r >= 0.35 && r < 0.42
            ? [{ kind: "attribute", key: "TitleI", label: "Title I", op: "=", value: "Yes" }]
            : [],
    };
  });
  // Make sure at least one general source often exists.
  if (rnd() < 0.7) sources.push({ name: "General", amount: int(1_000_000, 90_000_000), status: "Unlocked", share: 0.5 + rnd() / 2 });
  return makeDistrict({
    schools,
    needs,
    levels,
    enrollment,
    rates,
    sources,
    policy: {
      foundationPerSchool: rnd() < 0.3 ? int(0, 100_000) * 100 : 0,
      holdHarmless: rnd() < 0.35 ? 0.8 + rnd() * 0.2 : null,
      gainCap: rnd() < 0.3 ? rnd() * 0.15 : null,
      phaseIn: rnd() < 0.3 ? rnd() : 1,
      rounding: rnd() < 0.3 ? "dollar" : "cent",
      baseAmount: !fixedMode && !mixed && rnd() < 0.1 ? int(2000, 6000) * 100 : null,
    },
  });
}

