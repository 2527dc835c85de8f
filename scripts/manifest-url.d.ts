export const DEV_ORIGIN: string;
export function checkBaseUrl(url: string): string | Error;
export function productionManifest(xml: string, baseUrl: string): string;
