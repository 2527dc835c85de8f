import { createElement, lazy, Suspense } from "react";
import type { PaneView } from "../../shell/registry";

// The pages load with their analyses on first show, so the pane's first script stays small.
const pages = () => import(/* webpackChunkName: "voices" */ "./VoicesPage");
const LazyVoices = lazy(() => pages().then((m) => ({ default: m.VoicesPage })));
const LazyBenchmark = lazy(() => pages().then((m) => ({ default: m.BenchmarkPage })));
const loading = createElement("p", null, "Loading…");

function Voices() {
  return createElement(Suspense, { fallback: loading }, createElement(LazyVoices));
}
function Benchmark() {
  return createElement(Suspense, { fallback: loading }, createElement(LazyBenchmark));
}

export const voicesView: PaneView = { id: "voices", label: "Voices", hint: "Stakeholder surveys and readiness", Component: Voices };
export const benchmarkView: PaneView = { id: "benchmark", label: "Peers", hint: "Spending by function against peer districts", Component: Benchmark };
