/**
 * A second process holding a congress open (tests/db/one-writer.test.ts): opens the file named
 * on the command line through a real backend, says READY (or the refusal), then keys writes
 * until it is killed, as a second copy of the app would.
 */
import { createBackend } from '../../../db/backend.js';

const [file, dataDir] = process.argv.slice(2) as [string, string];
const backend = createBackend({ dataDir, documentsDir: dataDir });
const ctx = { operator: '另一窗口', station: '另一台' };
const opened = await backend.invoke('congress.open', { path: file }, ctx);
if (!opened.ok) {
  console.log(`REFUSED ${JSON.stringify(opened.error)}`);
  backend.close();
} else {
  // READY once a write of its own is in the file, so that the killed process leaves work behind.
  const first = await backend.invoke('meetings.create', { name: '另一窗口的会议', date: '2026-03-20' }, ctx);
  console.log(first.ok ? 'READY' : `FAILED ${JSON.stringify(first.error)}`);
  let n = 0;
  setInterval(() => {
    void backend.invoke('meetings.create', { name: `另一窗口的会议${++n}`, date: '2026-03-20' }, ctx);
  }, 50);
}
