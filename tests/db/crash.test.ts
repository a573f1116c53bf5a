/**
 * Nothing acknowledged is lost (issue 6, proof 1). A child process keys check-ins and ballots
 * through the real handlers and is killed with SIGKILL at a random moment, 50 times over the
 * same congress file; after each kill the file opens (integrity_check), the audit chain
 * verifies, and every write the child acknowledged is there, exactly as acknowledged.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { namedCandidate } from '../../core/candidates.js';
import { prng } from '../fixtures/synthetic-roster.js';
import { makeBackend, tempDir } from './helpers.js';
import { writeScene } from './scene.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const KILLS = 50;
const VOTERS = 5000;
const PRESENT = 4500;

let childScript: string;

beforeAll(async () => {
  // Bundled once: a child that starts in a fraction of a second, 50 times.
  const out = tempDir();
  childScript = path.join(out, 'child.mjs');
  await build({
    entryPoints: [path.join(here, 'crash', 'child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    absWorkingDir: repo,
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  fs.mkdirSync(path.join(out, 'migrations'));
  for (const f of fs.readdirSync(path.join(repo, 'db', 'migrations'))) {
    fs.copyFileSync(path.join(repo, 'db', 'migrations', f), path.join(out, 'migrations', f));
  }
  // The bundle resolves better-sqlite3 from the repository's node_modules.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(out, 'node_modules'), 'dir');
});

/** A congress with 5,000 voters, 4,500 checked in, and a round issued and collected for all of them. */
async function scene() {
  const tb = makeBackend();
  const file = path.join(tb.dir, 'crash.congress');
  await tb.call('congress.create', { name: '崩溃测试镇代表大会', date: '2026-03-20', venue: '礼堂', path: file });
  const meeting = await tb.call('meetings.create', { name: '选举大会', date: '2026-03-20' });
  // The roster and the first check-ins are the scene, not the test: written on a second connection.
  // Through the change capture and with its audit row (tests/db/scene.ts), or the replay would
  // rightly refuse the file as edited behind the app.
  writeScene(file, 'scene.roster', (raw) => {
    const add = raw.prepare(
      "INSERT INTO delegates (badge, name, category, pinyin, initials) VALUES (?, ?, 'voting', '', '')",
    );
    const present = raw.prepare(
      `INSERT INTO attendance (meeting_id, delegate_id, status, at, operator, station)
       VALUES (?, ?, 'present', '2026-03-20T08:00:00.000Z', 'scene', 'scene')`,
    );
    for (let i = 1; i <= VOTERS; i++) {
      const id = Number(add.run(String(i).padStart(5, '0'), `代表${i}`).lastInsertRowid);
      if (i <= PRESENT) present.run(meeting.id, id);
    }
  });
  const contest = await tb.call('contests.create', {
    meetingId: meeting.id,
    title: '党委委员',
    kind: 'election',
    seats: 3,
    marginPercent: 20,
    doubleEntry: false,
    paperGroup: null,
  });
  const ids: number[] = [];
  for (const name of ['甲', '乙', '丙', '丁', '戊']) {
    const c = await tb.call('candidates.add', { contestId: contest.id, ...namedCandidate(name) });
    ids.push(c.id);
  }
  await tb.call('candidates.approveOrder', { contestId: contest.id, candidateIds: ids });
  const roundId = (await tb.call('contests.get', { contestId: contest.id })).rounds[0]!.id;
  await tb.call('rounds.distribute', { roundId, ballotsPrinted: PRESENT, issued: PRESENT, spareVoided: 0 });
  await tb.call('rounds.collect', { roundId, collected: PRESENT });
  await tb.call('congress.close', {});
  return { tb, file, meetingId: meeting.id, roundId };
}

interface Life {
  acks: string[];
  ready: boolean;
  exit: Promise<NodeJS.Signals | number | null>;
}

function runChild(args: string[], killAfterMs: number): Life {
  const child: ChildProcess = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const life: Life = { acks: [], ready: false, exit: Promise.resolve(null) };
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'READY') {
        life.ready = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      } else if (line.startsWith('ACK ')) life.acks.push(line);
      else if (line.startsWith('FAIL open')) throw new Error(line);
    }
  });
  life.exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return life;
}

describe('a crash loses nothing that was acknowledged', () => {
  it(`survives ${KILLS} SIGKILLs at random moments`, { timeout: 240_000 }, async () => {
    const { tb, file, meetingId, roundId } = await scene();
    const random = prng(6);
    const checkedIn = new Set<number>();
    const ballots = new Map<number, string>();
    let acknowledged = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const life = runChild(
        [file, path.join(tb.dir, 'child-data'), String(meetingId), String(roundId), String(kill + 1)],
        5 + Math.floor(random() * 120),
      );
      const how = await life.exit;
      expect(life.ready, `child ${kill} never got ready`).toBe(true);
      expect(how).toBe('SIGKILL');
      for (const ack of life.acks) {
        const [, kind, id, marks] = ack.split(' ');
        if (kind === 'checkin') checkedIn.add(Number(id));
        else ballots.set(Number(id), marks!);
      }
      acknowledged += life.acks.length;

      // The file opens (integrity_check on open), the chain verifies, the tables replay clean from
      // the log (a write is its rows and its audit row, or neither), every acknowledged write is there.
      await tb.call('congress.open', { path: file });
      expect(await tb.call('audit.verify', {})).toMatchObject({
        ok: true,
        firstBrokenId: null,
        tablesAgree: true,
        difference: null,
      });
      const present = new Set(
        (await tb.call('attendance.list', { meetingId }))
          .filter((r) => r.status === 'present')
          .map((r) => r.delegateId),
      );
      for (const id of checkedIn) expect(present.has(id), `check-in of ${id} lost after kill ${kill}`).toBe(true);
      const stored = new Map((await tb.call('ballots.list', { roundId })).map((b) => [b.id, b.marks.join(',')]));
      for (const [id, marks] of ballots) expect(stored.get(id), `ballot ${id} after kill ${kill}`).toBe(marks);
      await tb.call('congress.close', {});
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // The kills landed while writes were going on, not before the first one.
    expect(acknowledged).toBeGreaterThan(KILLS);
    console.log(`crash test: ${acknowledged} writes acknowledged over ${KILLS} kills`);
  });
});
