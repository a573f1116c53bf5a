/**
 * Opening the app in a Chromium app window when the Electron binary is absent, and the
 * flags that keep that Chromium off the network. Shared by the host CLI (`npm start`)
 * and the Playwright configuration.
 */
import { existsSync } from 'node:fs';
import { chromiumCandidates } from '../../scripts/system-needs.mjs';

/** `CHROMIUM_PATH` if it exists, else `/usr/bin/chromium` if it exists, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const candidate of chromiumCandidates(env)) if (candidate && existsSync(candidate)) return candidate;
  return null;
}

/**
 * Chromium switches that stop every background request (updates, sync, safe browsing,
 * metrics, translation, DNS prefetch…) and make any host name other than 127.0.0.1
 * unresolvable, so the app window cannot reach the network even by mistake.
 */
export const OFFLINE_CHROMIUM_FLAGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-pings',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Running as root, Chromium refuses to start with its sandbox. */
export const needsNoSandbox = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

export function chromiumAppArgs(url: string, userDataDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${userDataDir}`,
    '--password-store=basic',
    '--lang=zh-CN',
    ...OFFLINE_CHROMIUM_FLAGS,
    ...(needsNoSandbox() ? ['--no-sandbox'] : []),
  ];
}
