import fc from "fast-check";
import { jsonChunks, jsonText } from "../../src/cli/pipeline";

test("the streamed summary.json is the same text as JSON.stringify(data, null, 2)", () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      expect([...jsonChunks(v)].join("")).toBe(jsonText(v));
    }),
    { numRuns: 300 },
  );
  const odd = { a: undefined, b: [undefined, () => 1, new Date(0)], c: { toJSON: () => "x" }, d: [[], {}], e: "line\nbreak" };
  expect([...jsonChunks(odd)].join("")).toBe(jsonText(odd));
});
