import fs from 'node:fs';

let cachedVersion: string | undefined;

/** The version in package.json, read once; a packaged layout without it reports "unknown". */
export function appVersion(): string {
  if (cachedVersion === undefined) {
    // From db/ in the source tree; from dist/electron/ in the store worker's bundle.
    for (const candidate of ['../package.json', '../../package.json']) {
      try {
        const pkg = JSON.parse(fs.readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (pkg.name === 'congress-desk' && pkg.version) {
          cachedVersion = pkg.version;
          break;
        }
      } catch {
        // not there: the next candidate
      }
    }
    cachedVersion ??= process.env.npm_package_version ?? 'unknown';
  }
  return cachedVersion;
}
