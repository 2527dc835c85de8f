import { themeFromBackground } from "../../src/taskpane/theme";

test("Office's body background colour decides light or dark", () => {
  expect(themeFromBackground("#FFFFFF")).toBe("light");
  expect(themeFromBackground("#1F1F1F")).toBe("dark");
  expect(themeFromBackground("262626")).toBe("dark");
  expect(themeFromBackground("#E6E6E6")).toBe("light");
  expect(themeFromBackground(undefined)).toBe("light");
  expect(themeFromBackground("not a colour")).toBe("light");
});
