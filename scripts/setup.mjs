#!/usr/bin/env node
/**
 * `npm run setup` (and `.ci/run`): make a fresh Debian/Ubuntu machine ready to run and test the
 * app. Installs the Debian packages of what is missing (scripts/system-needs.mjs: Chromium, the
 * CJK fonts, pdftotext, and the compiler better-sqlite3 is built with when no prebuilt binary
 * can be fetched, and iproute2's `ip` for the venue-network tests' namespaces) as root or with
 * passwordless sudo, then `npm ci` (without Electron's binary
 * when it cannot be downloaded). Non-interactive.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineProbes, missingNeeds } from './system-needs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => console.log(`[setup] ${line}`);

function run(command, args, { orElse } = {}) {
  const done = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (done.status !== 0 && orElse) return orElse();
  if (done.status !== 0) {
    console.error(`[setup] ${command} ${args.join(' ')} failed (exit ${done.status ?? done.signal})`);
    process.exit(1);
  }
}

const packages = missingNeeds(machineProbes()).map((need) => need.package);
if (packages.length > 0) {
  let asRoot;
  if (process.getuid?.() === 0) asRoot = [];
  else if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) asRoot = ['sudo', '-n'];
  else {
    console.error(`[setup] missing ${packages.join(' ')}, and neither root nor passwordless sudo: run`);
    console.error(`          sudo apt-get install ${packages.join(' ')}`);
    process.exit(1);
  }
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  const apt = (args) =>
    asRoot.length ? run(asRoot[0], [...asRoot.slice(1), 'apt-get', ...args]) : run('apt-get', args);
  log(`installing: ${packages.join(' ')}`);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...packages]);
}

log(`node ${process.version}`);
const npmCi = () => run('npm', ['ci', '--no-audit', '--no-fund']);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) npmCi();
else
  run('npm', ['ci', '--no-audit', '--no-fund'], {
    // An offline machine cannot download Electron's binary: the tests never need it, and
    // `npm start` then opens the app in Chromium against the loopback host.
    orElse() {
      log("npm ci failed; again without Electron's binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1)");
      process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
      npmCi();
    },
  });
run(process.execPath, [path.join(root, 'scripts', 'preflight.mjs')]);
log('ready: npm test');
