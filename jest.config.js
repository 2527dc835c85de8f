/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // ECharts' modular entry points are ES modules: under jest they map to its CommonJS build (see the helper).
  moduleNameMapper: { "^echarts/(core|charts|components|renderers)$": "<rootDir>/test/helpers/echarts-cjs.js" },
  testTimeout: 60000,
};
