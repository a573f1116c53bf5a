/** roster.import: the organisation department's 3,000-row .xlsx, parsed and imported. */
import { parseRosterFile } from '../db/roster/file.js';
import { syntheticRoster, syntheticXlsx } from '../tests/fixtures/synthetic-roster.js';
import { median, type Reporter } from './report.js';

const RUNS = 3;

export async function benchRosterImport(report: Reporter, size: number): Promise<void> {
  const bytes = await syntheticXlsx(syntheticRoster(size));
  const fileName = `代表名册${size}.xlsx`;
  const contentBase64 = Buffer.from(bytes).toString('base64');

  const parseMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const parsed = await parseRosterFile(fileName, bytes);
    parseMs.push(performance.now() - t);
    if (parsed.errors.length > 0 || parsed.rows.length !== size) {
      throw new Error(`bench roster did not parse cleanly: ${parsed.errors[0]?.message ?? parsed.rows.length}`);
    }
  }

  const kb = Math.round(bytes.length / 1024);
  report.add({
    bench: 'roster.parse.xlsx3000',
    value: median(parseMs),
    unit: 'ms',
    note: `parseRosterFile only, ${kb} KB, median of ${RUNS}`,
  });

  // Loaded late so that the parse figure is reported even when the backend is broken.
  const { openBenchCongress } = await import('./congress.js');
  // Each run imports into a fresh congress: the first import of a roster is the one users wait for.
  const importMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const congress = await openBenchCongress('import');
    try {
      const t = performance.now();
      const out = await congress.call('roster.import', { fileName, contentBase64 });
      importMs.push(performance.now() - t);
      if (out.added !== size) throw new Error(`imported ${out.added} of ${size}`);
    } finally {
      congress.dispose();
    }
  }
  report.add({
    bench: 'roster.import.xlsx3000',
    value: median(importMs),
    unit: 'ms',
    budget: 1000,
    note: `invoke('roster.import'): base64, parse, diff, insert, audit; median of ${RUNS}`,
  });
}
