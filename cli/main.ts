/**
 * `congress-desk verify FILE [--fingerprint FP] [--json]`
 * `congress-desk export CONGRESS_FILE --out FILE [--csv FILE] [--data-dir DIR]`
 *
 * The district's check of a result file without the app, and the venue's scripted export.
 * Exit codes (docs/result-file.md): 0 all holds; 1 recount or attendance differs; 2 bad
 * signature; 3 unknown key (fingerprint given and not matched); 4 malformed or unknown format
 * or unreadable; 64 wrong usage; 70 export refused or failed.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Output } from '../core/contract.js';
import { createBackend } from '../db/backend.js';
import { verifyResultFile } from '../db/results/sign.js';
import { defaultDataDir, defaultDocumentsDir } from '../electron/paths.js';

type Report = Output<'result.verify'>;

export const EXIT = {
  ok: 0,
  recount: 1,
  badSignature: 2,
  unknownKey: 3,
  malformed: 4,
  usage: 64,
  exportFailed: 70,
} as const;

const USAGE = `usage:
  congress-desk verify FILE [--fingerprint "1234 5678 …"] [--json]
  congress-desk export CONGRESS_FILE --out FILE [--csv FILE] [--data-dir DIR]`;

/** The exit code of a report: the most basic failure decides (a file that does not parse says nothing else). */
export function exitCodeOf(report: Report): number {
  if (report.ok) return EXIT.ok;
  const kinds = new Set(report.failures.map((f) => f.kind));
  if (kinds.has('malformed') || kinds.has('unknown_format')) return EXIT.malformed;
  if (kinds.has('bad_signature')) return EXIT.badSignature;
  if (kinds.has('unknown_key')) return EXIT.unknownKey;
  return EXIT.recount;
}

function printReport(file: string, report: Report, out: (line: string) => void): void {
  const s = report.summary;
  out(`${report.ok ? 'OK  核验通过' : 'FAIL  核验未通过'}: ${file}`);
  if (s) {
    out(`  congress 大会: ${s.congress.name} (${s.congress.date}, ${s.congress.venue})`);
    out(
      `  signed by key 签名密钥指纹: ${s.fingerprint}  signature 签名: ${report.signatureValid ? 'valid 有效' : 'INVALID 无效'}`,
    );
    out(`  result hash 结果校验码: ${s.shortHash}  exported 导出于: ${s.exportedAt}  app ${s.appVersion}`);
    for (const c of s.contests) out(`  ${c.title}: ${c.seats} seats 名额, elected 当选 ${c.elected.join('、') || '—'}`);
  }
  for (const f of report.failures) out(`  [${f.kind}] ${f.message}`);
}

async function exportCommand(file: string, out: string, csv: string | null, dataDir: string): Promise<number> {
  mkdirSync(dataDir, { recursive: true });
  const backend = createBackend({ dataDir, documentsDir: defaultDocumentsDir() });
  const ctx = { operator: 'congress-desk export', station: 'cli' };
  try {
    const opened = await backend.invoke('congress.open', { path: path.resolve(file) }, ctx);
    if (!opened.ok) {
      console.error(opened.error.message);
      return EXIT.exportFailed;
    }
    const r = await backend.invoke(
      'result.export',
      { path: path.resolve(out), csvPath: csv === null ? null : path.resolve(csv) },
      ctx,
    );
    if (!r.ok) {
      console.error(r.error.message);
      return EXIT.exportFailed;
    }
    const value = r.value as Output<'result.export'>;
    console.log(`wrote ${value.path} (${value.bytes} bytes)`);
    console.log(`result hash 结果校验码 ${value.shortHash}, key fingerprint 密钥指纹 ${value.fingerprint}`);
    return EXIT.ok;
  } finally {
    backend.close();
  }
}

const OPTIONS = {
  fingerprint: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  csv: { type: 'string' },
  'data-dir': { type: 'string' },
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
  if (!command || !file || rest.length > 0) {
    console.error(USAGE);
    return EXIT.usage;
  }
  if (command === 'verify') {
    const report = verifyResultFile(path.resolve(file), values.fingerprint ?? null);
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
    return exportCommand(file, values.out, values.csv ?? null, dataDir);
  }
  console.error(`unknown command ${command}\n${USAGE}`);
  return EXIT.usage;
}
