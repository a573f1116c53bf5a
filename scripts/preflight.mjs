#!/usr/bin/env node
/**
 * `npm test` runs this first: it checks what the tests need beyond the repository (the list in
 * scripts/system-needs.mjs, the npm packages, better-sqlite3 loading under this Node) and, when
 * one is missing, says which Debian package or command provides it and exits 1 before any test
 * runs, rather than leaving Playwright to suggest a download that cannot work offline.
 * Silent when all is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineProbes, missingNeeds } from './system-needs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each problem in both languages (zh-CN first, as the app), with what fixes it. */
function problems() {
  const found = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20)
    found.push({
      'zh-CN': `需要 Node 20 或更高版本(当前 ${process.version})`,
      en: `Node 20 or later is needed (this is ${process.version})`,
    });
  const packages = missingNeeds(machineProbes(), ['tests']);
  for (const need of packages) {
    const hint = need.hint ? { 'zh-CN': `:${need.hint['zh-CN']}`, en: `: ${need.hint.en}` } : { 'zh-CN': '', en: '' };
    found.push({
      'zh-CN': `缺少 ${need.what}(Debian 软件包 ${need.package})${hint['zh-CN']}`,
      en: `Missing ${need.what} (Debian package ${need.package})${hint.en}`,
    });
  }
  if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
    found.push({
      'zh-CN': '未安装 npm 依赖:运行 npm ci(无法联网下载 Electron 的机器上用 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci)',
      en: 'The npm packages are not installed: run npm ci (ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci where Electron cannot be downloaded)',
    });
  } else {
    const load = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
      cwd: root,
      encoding: 'utf8',
    });
    if (load.status !== 0) {
      const detail = (load.stderr.split('\n').find((l) => /Error/.test(l)) ?? '').trim();
      found.push({
        'zh-CN': `better-sqlite3 无法在此 Node 下加载:运行 npm rebuild better-sqlite3(需要 python3、make、g++)。${detail}`,
        en: `better-sqlite3 does not load under this Node: run npm rebuild better-sqlite3 (needs python3, make, g++). ${detail}`,
      });
    }
  }
  return { found, packages: packages.map((n) => n.package) };
}

const { found, packages } = problems();
if (found.length > 0) {
  console.error('npm test: 这台机器还缺少以下内容 / this machine still lacks:');
  for (const p of found) console.error(`  - ${p['zh-CN']}\n    ${p.en}`);
  if (packages.length > 0) {
    console.error(`安装 / Install: sudo apt-get install ${packages.join(' ')}`);
  }
  console.error('或一次装齐 / or all at once: npm run setup');
  process.exit(1);
}
