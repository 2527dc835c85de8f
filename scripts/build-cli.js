#!/usr/bin/env node
// Compile the command line (src/cli and what it imports) into one JavaScript file, dist-cli/sfs.js, so `sfs` starts
// without compiling TypeScript. Run by `npm install` / `npm ci` (the `prepare` script) and by `npm run build:cli`.
// Packages from node_modules stay outside the bundle and are loaded only by the commands that need them.
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

const started = Date.now();
try {
  esbuild.buildSync({
    entryPoints: [path.join(root, "src", "cli", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    legalComments: "none",
  });
} catch (e) {
  fs.rmSync(outfile, { force: true });
  console.warn(`sfs: the command line could not be compiled (${e.message.split("\n")[0]}); it will run from the TypeScript sources.`);
  process.exit(0);
}
console.log(`Compiled the command line to ${path.relative(process.cwd(), outfile) || outfile} in ${Date.now() - started} ms`);
