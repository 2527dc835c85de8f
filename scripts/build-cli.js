#!/usr/bin/env node
// Compile the command line (src/cli and what it imports) into one JavaScript file, dist-cli/sfs.js, so `sfs` starts
// without compiling TypeScript. Run by `npm install` / `npm ci` (the `prepare` script) and by `npm run build:cli`.
// ExcelJS is compiled into a file of its own, dist-cli/exceljs.js, which loads about twice as fast as resolving its
// hundreds of files; the other packages stay in node_modules. Every command and package is loaded only when a
// command that needs it runs, so `sfs --help` reads neither.
// When esbuild is not available the step is skipped: bin/sfs.js then runs the TypeScript sources through tsx.
"use strict";
const path = require("path");
const fs = require("fs");

const root = path.join(__dirname, "..");
const outfile = path.join(root, "dist-cli", "sfs.js");

let esbuild;
try {
  esbuild = require("esbuild");
} catch (e) {
  console.warn(`sfs: esbuild is not installed (${e.message.split("\n")[0]}); the command line will run from the TypeScript sources.`);
  process.exit(0);
}

const vendorExcel = path.join(root, "dist-cli", "exceljs.js");
// `import ExcelJS from "exceljs"` in the sources loads ./exceljs.js next to the compiled command line.
const excelFromVendor = {
  name: "exceljs-vendor",
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.js", external: true }));
  },
};

const started = Date.now();
async function build() {
  await esbuild.build({
    entryPoints: [require.resolve("exceljs", { paths: [root] })],
    outfile: vendorExcel,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: true,
    logLevel: "error",
    legalComments: "none",
  });
  await esbuild.build({
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    plugins: [excelFromVendor],
    sourcemap: "linked",
    logLevel: "warning",
    legalComments: "none",
  });
}

build().then(
  () => console.log(`Compiled the command line to ${path.relative(process.cwd(), outfile) || outfile} in ${Date.now() - started} ms`),
  (e) => {
    fs.rmSync(outfile, { force: true });
    console.warn(`sfs: the command line could not be compiled (${String(e.message).split("\n")[0]}); it will run from the TypeScript sources.`);
  },
);
