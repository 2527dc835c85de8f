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
  // Jest's default on a 2-core machine is one worker; two keep the suite near 7 minutes instead of 15 (the slow
  // suites wait on webpack, Chromium and LibreOffice, not only on the CPU).
  maxWorkers: 2,
};
