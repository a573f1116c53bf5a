/**
 * `npm run bench`: every figure of the app's budgets for a 3,000-delegate congress.
 * Not part of the pass/fail suite; a figure over budget is flagged in the table and in
 * the exit code, so CI can choose to look. `npm run bench -- search` runs one area.
 */
import { Reporter } from './report.js';

const CONGRESS_SIZE = 3000;

type Area = (r: Reporter, size: number) => Promise<void>;
// Loaded one by one, so that one area whose dependencies are broken does not hide the others.
const areas: [string, () => Promise<Area>][] = [
  ['search', async () => (await import('./search.js')).benchSearch],
  ['roster', async () => (await import('./roster.js')).benchRosterImport],
  ['checkin', async () => (await import('./checkin.js')).benchCheckIn],
  ['ballot', async () => (await import('./ballot.js')).benchBallotCommit],
  ['tally', async () => (await import('./tally.js')).benchTally],
  ['result', async () => (await import('./result.js')).benchResultFile],
  ['ui', async () => (await import('./ui.js')).benchUi],
  ['large', async () => (await import('./large.js')).benchLarge],
  ['scan', async () => (await import('./scan.js')).benchScan],
  // Issue 14: laptops simulated in network namespaces (root and iproute2; skipped with a message elsewhere).
  ['lan', async () => (await import('./lan.js')).benchLan],
];

const report = new Reporter();
const only = process.argv.slice(2);
let failed = false;
for (const [name, load] of areas) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  try {
    await (await load())(report, CONGRESS_SIZE);
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed:`, e instanceof Error ? e.message : e);
  }
}
console.log(`\nCongress Desk benchmarks, ${CONGRESS_SIZE} delegates, Node ${process.version}\n`);
report.print();
if (failed || report.overBudget.length > 0) process.exitCode = 1;
