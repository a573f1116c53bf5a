/**
 * Issue 15 item 10: on a fresh machine `npm test` said nothing useful when Chromium, the CJK fonts
 * or pdftotext were missing (Playwright pointed at `npx playwright install`, which cannot work
 * offline). The preflight names the Debian package of each thing missing, before any test runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineProbes, missingNeeds, type Probes } from '../../scripts/system-needs.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const preflight = path.join(root, 'scripts', 'preflight.mjs');

/** A machine that has everything, then lacks what a test takes away. */
function machine(lacks: { files?: string[]; commands?: string[]; chineseFont?: boolean } = {}, env = {}): Probes {
  return {
    env,
    exists: (file) => !(lacks.files ?? []).includes(file) && file.startsWith('/usr/bin/'),
    onPath: (command) => ((lacks.commands ?? []).includes(command) ? null : `/usr/bin/${command}`),
    chineseFont: () => lacks.chineseFont !== true,
  };
}

const packagesOf = (probes: Probes, kinds?: ('tests' | 'build')[]) => missingNeeds(probes, kinds).map((n) => n.package);

describe('what the tests need from the machine (scripts/system-needs.mjs)', () => {
  it('a machine with everything lacks nothing', () => {
    expect(packagesOf(machine())).toEqual([]);
  });

  it('no Chromium anywhere names the package chromium; CHROMIUM_PATH to one that exists is enough', () => {
    const none = machine({ files: ['/usr/bin/chromium', '/usr/bin/chromium-browser'] });
    expect(packagesOf(none)).toEqual(['chromium']);
    const own = machine(
      { files: ['/usr/bin/chromium', '/usr/bin/chromium-browser'] },
      { CHROMIUM_PATH: '/usr/bin/my-chromium' },
    );
    expect(packagesOf(own)).toEqual([]);
  });

  it('no Chinese font names fonts-noto-cjk; no pdftotext names poppler-utils', () => {
    expect(packagesOf(machine({ chineseFont: true }))).toEqual(['fonts-noto-cjk']);
    expect(packagesOf(machine({ commands: ['pdftotext'] }))).toEqual(['poppler-utils']);
  });

  it('the compiler for better-sqlite3 is a setup need, not a test need', () => {
    const noCompiler = machine({ commands: ['g++', 'make'] });
    expect(packagesOf(noCompiler, ['tests'])).toEqual([]);
    expect(packagesOf(noCompiler)).toEqual(['make', 'g++']);
  });

  it('no `ip` anywhere names iproute2 for setup (issue 14: the venue namespaces), but npm test does not insist', () => {
    const noIp = machine({ commands: ['ip'], files: ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'] });
    expect(packagesOf(noIp)).toEqual(['iproute2']);
    expect(packagesOf(noIp, ['tests'])).toEqual([]);
    expect(packagesOf(machine({ commands: ['ip'] }))).toEqual([]);
  });

  it("this machine's probes find commands on PATH only", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-path-'));
    expect(machineProbes({ PATH: empty }).onPath('node')).toBeNull();
    expect(machineProbes(process.env).onPath('node')).not.toBeNull();
  });
});

describe('npm test: the preflight (scripts/preflight.mjs)', () => {
  it('is silent and passes on this machine, which has what the tests need', () => {
    const run = spawnSync(process.execPath, [preflight], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('with pdftotext off PATH: exits 1 naming poppler-utils and the apt-get command, never a download', () => {
    // A PATH that holds only node: pdftotext (and fc-list) are not found.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bin-'));
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = spawnSync(process.execPath, [preflight], { encoding: 'utf8', env: { ...process.env, PATH: bin } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('缺少 pdftotext(Debian 软件包 poppler-utils)');
    expect(run.stderr).toContain('Missing pdftotext (Debian package poppler-utils)');
    expect(run.stderr).toContain('sudo apt-get install poppler-utils');
    expect(run.stderr).not.toContain('playwright install');
  });
});
