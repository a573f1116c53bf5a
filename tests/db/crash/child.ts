/**
 * The process the crash test kills (tests/db/crash.test.ts). It opens the congress file through
 * the real backend and keys check-ins and ballots as fast as it can, printing one line per
 * acknowledged write — `ACK checkin <delegateId>` or `ACK ballot <ballotId> <marks>` — only
 * after the backend answered ok, i.e. after the commit the screen would show as saved.
 *   node child.mjs FILE DATA_DIR MEETING_ID ROUND_ID SEED
 */
import { writeSync } from 'node:fs';
import { createBackend } from '../../../db/backend.js';

const [file, dataDir, meetingArg, roundArg, seedArg] = process.argv.slice(2);
const meetingId = Number(meetingArg);
const roundId = Number(roundArg);
let seed = Number(seedArg) >>> 0;
const rand = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const ctx = { operator: '崩溃测试', station: `crash-${seedArg}` };
// Straight to the file descriptor: nothing acknowledged sits in a Node buffer when the kill comes.
const say = (line: string) => writeSync(1, `${line}\n`);

const backend = createBackend({ dataDir: dataDir!, documentsDir: dataDir! });
const opened = await backend.invoke('congress.open', { path: file }, ctx);
if (!opened.ok) {
  say(`FAIL open ${opened.error.message}`);
  process.exit(2);
}
const list = await backend.invoke('attendance.list', { meetingId }, ctx);
const delegates = await backend.invoke('delegates.list', {}, ctx);
if (!list.ok || !delegates.ok) process.exit(2);
const present = new Set((list.value as { delegateId: number }[]).map((r) => r.delegateId));
const waiting = (delegates.value as { id: number; category: string }[])
  .filter((d) => d.category === 'voting' && !present.has(d.id))
  .map((d) => d.id);
say('READY');

const MARKS = ['circle', 'cross', 'none'] as const;
for (;;) {
  if (rand() < 0.5 && waiting.length > 0) {
    const delegateId = waiting.splice(Math.floor(rand() * waiting.length), 1)[0]!;
    const r = await backend.invoke('attendance.checkIn', { meetingId, delegateId }, ctx);
    if (r.ok) say(`ACK checkin ${delegateId}`);
    else say(`FAIL checkin ${r.error.message}`);
  } else {
    const marks = Array.from({ length: 5 }, () => MARKS[Math.floor(rand() * 3)]!);
    const r = await backend.invoke(
      'ballots.enter',
      { roundId, marks, writeIns: [], setAside: false, stack: null, entry: null },
      ctx,
    );
    if (r.ok) say(`ACK ballot ${(r.value as { id: number }).id} ${marks.join(',')}`);
    else say(`FAIL ballot ${r.error.message}`);
  }
}
