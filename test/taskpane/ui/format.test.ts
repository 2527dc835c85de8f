import { money, moneyCents, parseDollars, parsePercent, parseRate, percentText, rateText, signedMoney, signedPercent } from "../../../src/taskpane/ui/format";

describe("pane formats", () => {
  test("money in whole dollars for tables, cents for explanation lines", () => {
    expect(money(123_456_78)).toBe("$123,457");
    expect(moneyCents(123_456_78)).toBe("$123,456.78");
    expect(signedMoney(-50_000)).toBe("−$500");
    expect(signedMoney(20)).toBe("$0");
    expect(signedPercent(0.0534)).toBe("+5.3%");
    expect(signedPercent(-0.1)).toBe("−10.0%");
  });

  test("percents read as in the workbook: 40%, 40 and 0.4 are all 40%", () => {
    for (const t of ["40%", "40", "0.4", " 40 % "]) expect(parsePercent(t)).toEqual({ ok: true, value: 0.4 });
    expect(parsePercent("", { blank: true })).toEqual({ ok: true, value: null });
    expect(parsePercent("").ok).toBe(false);
    expect(parsePercent("150%", { max: 1 }).ok).toBe(false);
    expect(parsePercent("-5%").ok).toBe(false);
    expect(parsePercent("ten").ok).toBe(false);
    expect(percentText(0.98)).toBe("98%");
  });

  test("dollars and rates", () => {
    expect(parseDollars("$1,272.50")).toEqual({ ok: true, value: 127_250 });
    expect(parseDollars("12%").ok).toBe(false);
    expect(parseRate("0.4", false)).toEqual({ ok: true, value: { kind: "weight", weight: 0.4 } });
    expect(parseRate("1272", true)).toEqual({ ok: true, value: { kind: "perPupil", cents: 127_200 } });
    expect(parseRate("$1,272", false)).toEqual({ ok: true, value: { kind: "perPupil", cents: 127_200 } });
    expect(parseRate("", false)).toEqual({ ok: true, value: null });
    expect(parseRate("x", false).ok).toBe(false);
    expect(rateText({ kind: "perPupil", cents: 127_200 })).toBe("$1,272");
    expect(rateText({ kind: "weight", weight: 0.35 })).toBe("0.35");
  });
});
