// The add-in's manifest for a production address: every URL of the development manifest (https://localhost:3000/)
// is moved to the given base URL. Used by webpack (npm run build with SFS_URL=... or --env url=...) and by the
// manifest tests, which check the production manifest as they check the committed one.
"use strict";

const DEV_ORIGIN = "https://localhost:3000/";

/** The base URL as the manifest needs it (https, ending in "/"), or an Error saying what is wrong. */
function checkBaseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return new Error(`"${url}" is not a URL; expected e.g. https://addins.district.org/sfs/`);
  }
  if (u.protocol !== "https:") return new Error(`"${url}" must use https: Office loads add-ins over https only`);
  if (u.search || u.hash) return new Error(`"${url}" must not have a query or a fragment`);
  return u.href.endsWith("/") ? u.href : `${u.href}/`;
}

/** The manifest text with the development origin replaced by `baseUrl` (checked as above; throws when invalid). */
function productionManifest(xml, baseUrl) {
  const base = checkBaseUrl(baseUrl);
  if (base instanceof Error) throw base;
  const origin = new URL(base).origin;
  return xml
    .split(DEV_ORIGIN)
    .join(base)
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/Development URLs point at https:\/\/localhost:3000 \(npm start\); see docs\/SIDELOAD\.md\./, `Built for ${base} (npm run build); see docs/DEPLOY.md.`);
}

module.exports = { DEV_ORIGIN, checkBaseUrl, productionManifest };
