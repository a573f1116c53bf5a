/**
 * `congress-desk verify FILE [--fingerprint FP] [--expect-hash HEX] [--keys REGISTRY] [--json]`
 * `congress-desk district FILE… [--keys REGISTRY] [--fingerprint FP] [--xlsx OUT] [--json]`
 * `congress-desk enrol --township NAME --out FILE [--data-dir DIR]`
 * `congress-desk export CONGRESS_FILE --out FILE [--csv FILE] [--data-dir DIR] [--pin-from-tty [--chief NAME]]`
 *
 * The district's check of result files without the app, the township's enrolment file for the
 * district's key registry, and the venue's scripted export. Exit codes (docs/result-file.md):
 * 0 verified (signer checked); 1 recount or attendance differs (district: or two different
 * files for one township); 2 bad signature; 3 unknown key (not the fingerprint given or the
 * township's registered key; district: or one key signed two townships' files); 4 malformed,
 * unknown format or unreadable; 5 signature valid but signer not checked (no fingerprint, no
 * registry entry); 6 the content hash is not the one expected (--expect-hash); 64 wrong usage;
 * 70 export or enrolment refused or failed. Several failures: the worst decides, in the order
 * 4, 2, 3, 6, 1, 5 (a file that does not parse says nothing else; an unchecked signer is the
 * least wrong, yet never 0).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Output } from '../core/contract.js';
import { groupedHash } from '../core/hash-groups.js';
import type { DistrictKeyEntry } from '../core/model/results.js';
import { createBackend } from '../db/backend.js';
import { overCongress } from '../db/file-target.js';
import { districtView, districtWorkbook, verdictText } from '../db/results/district.js';
import { readRegistry } from '../db/results/district-keys.js';
import { normaliseHash, verifyResultFile, writeFileAtomic } from '../db/results/sign.js';
import { defaultDataDir, defaultDocumentsDir } from '../electron/paths.js';
import { type ChiefOptions, exportAsChief, readPinFromTty } from './chief.js';

type Report = Output<'result.verify'>;
type District = Output<'result.district'>;

export const EXIT = {
  ok: 0,
  recount: 1,
  badSignature: 2,
  unknownKey: 3,
  malformed: 4,
  signerUnchecked: 5,
  hashMismatch: 6,
  usage: 64,
  exportFailed: 70,
} as const;

/** Worst first: the exit code of many files (or many failures) is the first of these that occurs. */
export const EXIT_SEVERITY: readonly number[] = [
  EXIT.malformed,
  EXIT.badSignature,
  EXIT.unknownKey,
  EXIT.hashMismatch,
  EXIT.recount,
  EXIT.signerUnchecked,
  EXIT.ok,
];

const USAGE = `usage:
  congress-desk verify FILE [--fingerprint "1234 5678 …"] [--expect-hash HEX] [--keys REGISTRY] [--json]
  congress-desk district FILE… [--keys REGISTRY] [--fingerprint FP] [--xlsx OUT] [--json]
  congress-desk enrol --township NAME --out FILE [--data-dir DIR]
  congress-desk export CONGRESS_FILE --out FILE [--csv FILE] [--data-dir DIR] [--pin-from-tty [--chief NAME]]
    (a congress with operators: --pin-from-tty asks for the chief scrutineer's PIN on the terminal)`;

const worst = (codes: Iterable<number>): number => {
  const seen = new Set(codes);
  return EXIT_SEVERITY.find((c) => seen.has(c)) ?? EXIT.ok;
};

/** The exit code of a report: the most basic failure decides; all held but the signer unchecked is 5, never 0. */
export function exitCodeOf(report: Report): number {
  if (report.verdict === 'verified') return EXIT.ok;
  if (report.failures.length === 0) return EXIT.signerUnchecked;
  const code = (kind: Report['failures'][number]['kind']): number =>
    kind === 'malformed' || kind === 'unknown_format'
      ? EXIT.malformed
      : kind === 'bad_signature'
        ? EXIT.badSignature
        : kind === 'unknown_key'
          ? EXIT.unknownKey
          : kind === 'hash_mismatch'
            ? EXIT.hashMismatch
            : EXIT.recount;
  return worst(report.failures.map((f) => code(f.kind)));
}

/** The district's exit code: the worst file's, a key signing two townships as an unknown key, two files for one township as figures that disagree. */
export function districtExitCode(view: District): number {
  return worst(
    view.files.flatMap((f) => [
      exitCodeOf(f.report),
      ...f.flags.map((x) =>
        x.flag === 'key_shared' ? EXIT.unknownKey : x.flag === 'township_twice' ? EXIT.recount : EXIT.signerUnchecked,
      ),
    ]),
  );
}

const HEADLINE: Record<Report['verdict'], string> = {
  verified: 'OK  核验通过 verified',
  signer_unchecked: 'UNCHECKED  签名有效,但未核对签名人 (signature valid, signer not checked)',
  failed: 'FAIL  核验未通过 failed',
};

function printReport(file: string, report: Report, out: (line: string) => void): void {
  const s = report.summary;
  out(`${HEADLINE[report.verdict]}: ${file}`);
  if (s) {
    out(`  congress 大会: ${s.congress.name} (${s.congress.date}, ${s.congress.venue})`);
    out(
      `  signed by key 签名密钥指纹: ${s.fingerprint}  signature 签名: ${report.signatureValid ? 'valid 有效' : 'INVALID 无效'}`,
    );
    const by =
      report.signerCheckedBy === 'fingerprint'
        ? 'the --fingerprint given 与所给指纹一致'
        : report.signerCheckedBy === 'registry'
          ? `the registry entry 登记表中「${report.township}」的密钥`
          : 'NOT CHECKED 未核对 (give --fingerprint from the paper form, or --keys REGISTRY)';
    out(`  signer 签名人: ${by}`);
    out(`  result hash 结果校验码: ${groupedHash(s.contentHash)}`);
    out(`  exported 导出于: ${s.exportedAt}  app ${s.appVersion}`);
    const anchor = s.audit.anchorId === null ? '' : `  anchored at 链首锚定于 #${s.audit.anchorId}`;
    out(`  audit 审计日志: ${s.audit.entries} entries 条, head 链尾 ${s.audit.head}${anchor}`);
    if (s.congressUid) out(`  congress id 大会编号: ${s.congressUid}`);
    for (const c of s.audit.checkpoints) {
      const other = c.fingerprint === s.fingerprint ? '' : `  signed by ANOTHER key 另一个密钥 ${c.fingerprint}`;
      out(`  checkpoint 签名检查点 #${c.auditId}${other}`);
    }
    if (
      report.expectedHash !== null &&
      !report.failures.some((f) => f.kind === 'hash_mismatch') &&
      report.signatureValid
    )
      out(`  expected hash 预期校验码 ${report.expectedHash}: matches 一致`);
    for (const c of s.contests) out(`  ${c.title}: ${c.seats} seats 名额, elected 当选 ${c.elected.join('、') || '—'}`);
  }
  for (const f of report.failures) out(`  [${f.kind}] ${f.message}`);
}

/** `--keys FILE`: named on purpose, so a file that is not there is a mistake, not an empty registry. */
function registryArg(file: string | undefined): { entries: DistrictKeyEntry[] | null } | { error: string } {
  if (file === undefined) return { entries: null };
  const full = path.resolve(file);
  if (!existsSync(full)) return { error: `--keys ${full}: no such file 没有这个文件` };
  const r = readRegistry(full);
  return r.ok ? { entries: r.value } : { error: r.error.message };
}

async function districtCommand(
  files: readonly string[],
  options: { fingerprint: string | null; registry: DistrictKeyEntry[] | null; xlsx: string | null; json: boolean },
): Promise<number> {
  const view = districtView(
    files.map((f) => path.resolve(f)),
    { fingerprint: options.fingerprint, registry: options.registry },
  );
  if (options.json) console.log(JSON.stringify(view, null, 2));
  else {
    for (const f of view.files) console.log(`${f.counted ? '+' : '-'} ${f.path}: ${verdictText(f)}`);
    const t = view.total;
    console.log(
      `total 合计(仅含核验通过的文件): ${t.townships} townships 乡镇, ${t.contests} contests 选举, ${t.seats} seats 名额, ${t.elected} elected 当选`,
    );
  }
  if (options.xlsx !== null) {
    const out = path.resolve(options.xlsx);
    const refused = overCongress(out, null, 'xlsx');
    if (refused) {
      console.error(refused.error.message);
      return EXIT.exportFailed;
    }
    try {
      writeFileAtomic(out, await districtWorkbook(view));
    } catch (error) {
      console.error(`${out}: ${(error as Error).message}`);
      return EXIT.exportFailed;
    }
    if (!options.json) console.log(`wrote ${out}`);
  }
  return districtExitCode(view);
}

/**
 * The store for one command: the files named on its command line are the user's pick, so their
 * folders are places a write may go into (db/places.ts), as a dialog's would be in the app.
 */
const commandBackend = (dataDir: string, ...targets: (string | null)[]) =>
  createBackend({
    dataDir,
    documentsDir: defaultDocumentsDir(),
    places: targets.flatMap((t) => (t === null ? [] : [path.dirname(path.resolve(t))])),
  });

async function enrolCommand(township: string, out: string, dataDir: string): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const backend = commandBackend(dataDir, out);
  try {
    const r = await backend.invoke(
      'keys.enrol',
      { township, out: path.resolve(out) },
      { operator: 'congress-desk enrol', station: 'cli' },
    );
    if (!r.ok) {
      console.error(r.error.message);
      return EXIT.exportFailed;
    }
    const value = r.value as Output<'keys.enrol'>;
    console.log(`wrote ${value.path}`);
    console.log(
      `key fingerprint 密钥指纹 ${value.fingerprint}: hand this file to the district with the paper form that prints it`,
    );
    return EXIT.ok;
  } finally {
    backend.close();
  }
}

async function exportCommand(
  file: string,
  out: string,
  csv: string | null,
  dataDir: string,
  chief: Omit<ChiefOptions, 'readPin'>,
): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const backend = commandBackend(dataDir, out, csv);
  const ctx = { operator: 'congress-desk export', station: 'cli' };
  try {
    const opened = await backend.invoke('congress.open', { path: path.resolve(file) }, ctx);
    if (!opened.ok) {
      console.error(opened.error.message);
      return EXIT.exportFailed;
    }
    // The same gate as the app's: on a congress with operators, the chief scrutineer's PIN (cli/chief.ts).
    const r = await exportAsChief(
      backend,
      { path: path.resolve(out), csvPath: csv === null ? null : path.resolve(csv) },
      ctx,
      { ...chief, readPin: readPinFromTty },
    );
    if (!r.ok) {
      console.error(r.error.message);
      return EXIT.exportFailed;
    }
    const value = r.value as Output<'result.export'>;
    console.log(`wrote ${value.path} (${value.bytes} bytes)`);
    console.log(`result hash 结果校验码 ${groupedHash(value.contentHash)}`);
    console.log(`key fingerprint 密钥指纹 ${value.fingerprint}`);
    return EXIT.ok;
  } finally {
    backend.close();
  }
}

const OPTIONS = {
  fingerprint: { type: 'string' },
  'expect-hash': { type: 'string' },
  keys: { type: 'string' },
  xlsx: { type: 'string' },
  township: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  csv: { type: 'string' },
  'data-dir': { type: 'string' },
  'pin-from-tty': { type: 'boolean' },
  chief: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, file, ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const usage = (why = '') => {
    console.error(`${why}${why ? '\n' : ''}${USAGE}`);
    return EXIT.usage;
  };
  if (command === 'enrol') {
    if (file || !values.township || !values.out) return usage('enrol needs --township NAME and --out FILE');
    const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
    return enrolCommand(values.township, values.out, dataDir);
  }
  if (command === 'district') {
    if (!file) return usage('district needs at least one FILE');
    const registry = registryArg(values.keys);
    if ('error' in registry) return usage(registry.error);
    return districtCommand([file, ...rest], {
      fingerprint: values.fingerprint ?? null,
      registry: registry.entries,
      xlsx: values.xlsx ?? null,
      json: values.json ?? false,
    });
  }
  if (!command || !file || rest.length > 0) return usage();
  if (command === 'verify') {
    let expectHash: string | null = null;
    if (values['expect-hash'] !== undefined) {
      expectHash = normaliseHash(values['expect-hash']);
      if (expectHash === null)
        return usage(
          `--expect-hash ${values['expect-hash']}: at least 32 hex digits 至少 32 位十六进制数字 (groups and case do not matter)`,
        );
    }
    const registry = registryArg(values.keys);
    if ('error' in registry) return usage(registry.error);
    const report = verifyResultFile(path.resolve(file), {
      fingerprint: values.fingerprint ?? null,
      expectHash,
      registry: registry.entries,
    });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else printReport(file, report, (line) => console.log(line));
    return exitCodeOf(report);
  }
  if (command === 'export') {
    if (!values.out) {
      console.error(`export needs --out FILE\n${USAGE}`);
      return EXIT.usage;
    }
    const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
    return exportCommand(file, values.out, values.csv ?? null, dataDir, {
      pinFromTty: values['pin-from-tty'] ?? false,
      chief: values.chief ?? null,
    });
  }
  console.error(`unknown command ${command}\n${USAGE}`);
  return EXIT.usage;
}
