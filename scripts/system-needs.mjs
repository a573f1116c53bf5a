/**
 * What the tests need from the machine beyond `npm ci`, in one list: `.ci/run` and
 * `npm run setup` install the Debian packages of whatever is missing (scripts/setup.mjs),
 * `npm test` first checks the same list and names the package of each thing missing
 * (scripts/preflight.mjs). Plain Node, no dependencies: it runs before `npm ci`.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where a Chinese font is on Debian and Ubuntu when `fc-list` cannot say (fonts-noto-cjk). */
const CJK_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];

/** The probes a need is checked with; tests pass their own to play a machine that lacks one. */
export function machineProbes(env = process.env) {
  return {
    env,
    exists: (file) => existsSync(file),
    /** The full path of `command` on PATH, or null (no `which` binary needed). */
    onPath(command) {
      for (const dir of (env.PATH ?? '').split(path.delimiter)) {
        if (!dir) continue;
        const full = path.join(dir, command);
        try {
          accessSync(full, constants.X_OK);
          return full;
        } catch {}
      }
      return null;
    },
    /** Whether a font with Chinese glyphs is installed: fontconfig's answer, else the font files. */
    chineseFont() {
      try {
        const out = execFileSync('fc-list', [':lang=zh', 'family'], {
          encoding: 'utf8',
          env,
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        if (out.trim().length > 0) return true;
      } catch {}
      return CJK_FONT_DIRS.some((dir) => {
        try {
          return readdirSync(dir).some((name) => /CJK/i.test(name));
        } catch {
          return false;
        }
      });
    },
  };
}

/** Where `ip` is when root's sbin folders are not on PATH. */
const IP_PATHS = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'];

/** Where Chromium is looked for, in order: by the preflight, Playwright's config and `npm start` (electron/host/chromium.ts). */
export const chromiumCandidates = (env) => [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Each need: who needs it (`tests`: the end-to-end tests; `build`: compiling better-sqlite3 when
 * `npm ci` finds no prebuilt binary; `venue`: the simulated venue network of tests/lan/netns.ts),
 * the Debian package that provides it, and its check.
 */
export const NEEDS = [
  {
    what: 'Chromium',
    package: 'chromium',
    for: 'tests',
    hint: { 'zh-CN': '或设置 CHROMIUM_PATH 为已安装的 Chromium', en: 'or set CHROMIUM_PATH to an installed Chromium' },
    present: (p) => chromiumCandidates(p.env).some((c) => c && p.exists(c)),
  },
  {
    what: 'Noto CJK fonts',
    package: 'fonts-noto-cjk',
    for: 'tests',
    hint: { 'zh-CN': '截图与 PDF 中的中文字形', en: 'Chinese glyphs in screenshots and PDFs' },
    present: (p) => p.chineseFont(),
  },
  {
    what: 'pdftotext',
    package: 'poppler-utils',
    for: 'tests',
    hint: { 'zh-CN': '端到端测试读回打印的表格', en: 'the end-to-end tests read the printed forms back' },
    present: (p) => p.onPath('pdftotext') !== null,
  },
  {
    // Issue 14's venue-network tests and bench make network namespaces with `ip`; without it they
    // skip, so `npm test` does not insist on it, but setup installs it.
    what: 'ip (iproute2)',
    package: 'iproute2',
    for: 'venue',
    present: (p) => p.onPath('ip') !== null || IP_PATHS.some((file) => p.exists(file)),
  },
  { what: 'python3', package: 'python3', for: 'build', present: (p) => p.onPath('python3') !== null },
  { what: 'make', package: 'make', for: 'build', present: (p) => p.onPath('make') !== null },
  { what: 'g++', package: 'g++', for: 'build', present: (p) => p.onPath('g++') !== null },
];

/** The needs (of the kinds asked for) this machine lacks. */
export function missingNeeds(probes = machineProbes(), kinds = ['tests', 'build', 'venue']) {
  return NEEDS.filter((need) => kinds.includes(need.for) && !need.present(probes));
}
