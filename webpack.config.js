/* eslint-disable no-undef, @typescript-eslint/no-require-imports */
// Webpack build for the Excel task pane (taskpane.html, loads Office.js from Microsoft's CDN) and the
// browser preview (preview.html, no Office.js; works from file:// or any static server).
//
//   npx webpack --mode production        -> dist/ (content-hashed JS, source maps, assets, manifest.xml)
//   SFS_URL=https://host/path/ npm run build, or npx webpack --mode production --env url=https://host/path/
//                                        -> the same, with a manifest whose every URL points there (docs/DEPLOY.md)
//   npx webpack serve --mode development -> https://localhost:3000 (plain http when dev certs are unavailable)
//
// Production is the default mode. Type-checking is separate (npm run typecheck); ts-loader only transpiles.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { checkBaseUrl, productionManifest } = require("./scripts/manifest-url");

const PORT = Number(process.env.SFS_PORT || process.env.npm_package_config_dev_server_port || 3000);

/**
 * HTTPS options from office-addin-dev-certs when they can be had, otherwise undefined (plain http).
 * On Linux getHttpsServerOptions() may try to install a CA with sudo; that can fail or wait on a prompt,
 * so it is bounded by a timeout and any failure falls back to http instead of crashing the server.
 * Set SFS_HTTP=1 to skip the attempt entirely.
 */
async function httpsOptions() {
  if (process.env.SFS_HTTP === "1") return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    const timeout = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("timed out waiting for office-addin-dev-certs")), 30000).unref(),
    );
    const opts = await Promise.race([devCerts.getHttpsServerOptions(), timeout]);
    return { key: opts.key, cert: opts.cert, ca: opts.ca };
  } catch (err) {
    const reason = err && err.message ? err.message.split("\n")[0] : String(err);
    console.warn(`[sfs] HTTPS dev certificates unavailable (${reason}); serving plain http on port ${PORT}.`);
    console.warn("[sfs] Office needs https for sideloading; see docs/SIDELOAD.md.");
    return undefined;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (process.env.NODE_ENV === "development" ? "development" : "production");
  const dev = mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await httpsOptions() : undefined;
  // Where the built add-in will be hosted: the manifest in dist/ points there (the committed one stays on localhost).
  const url = env.url || process.env.SFS_URL || "";
  const base = url ? checkBaseUrl(url) : null;
  if (base instanceof Error) throw new Error(`[sfs] production URL: ${base.message}`);
  if (!dev && !serving) {
    console.log(base ? `[sfs] manifest.xml in dist/ points at ${base}` : "[sfs] manifest.xml in dist/ points at https://localhost:3000/ (set SFS_URL or --env url=... to deploy; see docs/DEPLOY.md)");
  }

  return {
    mode,
    context: __dirname,
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // "auto" resolves lazy chunks relative to the loading script, so preview.html also works from file://.
      publicPath: "auto",
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
      // The lazy calculator chunk shares src/xlsx with the command line, whose file-saving helpers import fs and
      // path; the pane never calls those, so they resolve to empty modules in the browser.
      fallback: { fs: false, path: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              // ES modules so webpack can tree-shake React and Fluent UI; the repo tsconfig targets CommonJS for node.
              compilerOptions: { module: "esnext", target: "ES2020", sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Lazily imported heavy libraries get their own named async chunks, never the initial bundle.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          jszip: {
            test: /[\\/]node_modules[\\/]jszip[\\/]/,
            name: "jszip",
            chunks: "async",
            priority: 25,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // Raw bytes; the hard gate (250 KB gzipped taskpane initial JS) is scripts/build-report.ts.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !/^(exceljs|jszip)\./.test(file),
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Icons and any sample workbook placed in assets/ are served as /assets/<file>.
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          { from: "manifest.xml", to: "manifest.xml", ...(base ? { transform: (content) => productionManifest(content.toString("utf8"), base) } : {}) },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      open: false,
    },
  };
};
