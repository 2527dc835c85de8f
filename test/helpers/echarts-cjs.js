/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Jest runs CommonJS, and ECharts' modular entry points (echarts/core, /charts, /components, /renderers) are ES
 * modules. Under jest they map here: ECharts' own CommonJS build, which has every chart, component and renderer
 * registered already, so the installers passed to `use` have nothing left to do. The pane (webpack) and the command
 * line (esbuild, tsx) load the modular entry points themselves.
 */
const echarts = require("echarts/dist/echarts.js");
const installed = () => undefined;
module.exports = new Proxy(echarts, {
  get: (target, key) => (key in target ? target[key] : installed),
});
