/**
 * ballot.commit: one ballot committed durably (synchronous=FULL) through the backend, plus
 * the tally update the board shows after it (`rounds.result`), with 10,000 ballots already
 * stored in the round. Beside it, in the same run and on the same disk, a raw better-sqlite3
 * insert of one row with the same pragmas: `ballot.commit.ratio` = ours p99 / raw p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ballotValidity } from '../core/ballot.js';
import { namedCandidate } from '../core/candidates.js';
import { namedDelegate } from '../core/domain.js';
import { DEFAULT_CONVENTION, type PaperMark } from '../core/election-types.js';
import { prng } from '../tests/fixtures/synthetic-roster.js';
import { approvedContest, openBenchCongress } from './congress.js';
import { percentile, type Reporter } from './report.js';

const STORED = 10_000;
const SAMPLES = 500;
const CANDIDATES = 9;
const SEATS = 7;
const VOTERS = 100;

export async function benchBallotCommit(report: Reporter): Promise<void> {
  const random = prng(3);
  const randomMarks = (): PaperMark[] =>
    Array.from({ length: CANDIDATES }, () => {
      const r = random();
      return r < 0.75 ? 'circle' : r < 0.9 ? 'cross' : 'none';
    });

  const congress = await openBenchCongress('ballot');
  let roundId: number;
  try {
    const meeting = await congress.call('meetings.create', { name: '选举大会', date: '2025-06-15' });
    for (let i = 1; i <= VOTERS; i++) {
      const d = await congress.call('delegates.add', namedDelegate(String(i).padStart(3, '0'), `代表${i}`));
      await congress.call('attendance.checkIn', { meetingId: meeting.id, delegateId: d.id });
    }
    const candidates = Array.from({ length: CANDIDATES }, (_, i) => namedCandidate(`候选人${i + 1}`));
    roundId = await approvedContest(congress.call, meeting.id, '党委委员', SEATS, candidates);
    const total = STORED + SAMPLES;
    // The figure is about a round holding 10,000 ballots, more than 100 voters could cast: the
    // round's attendance snapshot is raised behind the app's back (rule 2 refuses more papers
    // issued than voters present), then the papers are collected through the app.
    await congress.call('rounds.distribute', { roundId, ballotsPrinted: VOTERS, issued: VOTERS, spareVoided: 0 });
    const snapshot = new Database(congress.path);
    snapshot
      .prepare('UPDATE rounds SET voters_present = ?, due = ?, ballots_printed = ?, issued = ? WHERE id = ?')
      .run(total, total, total, total, roundId);
    snapshot.close();
    await congress.call('rounds.collect', { roundId, collected: total });

    // The 10,000 stored ballots are written in one transaction on a second connection (one
    // commit each through the backend would take minutes of fsyncs), as the store writes them.
    const seed = new Database(congress.path);
    seed.transaction(() => {
      const revision = seed
        .prepare('UPDATE rounds SET revision = revision + 1 WHERE id = ? RETURNING revision')
        .pluck()
        .get(roundId) as number;
      const insert = seed.prepare(
        `INSERT INTO ballots (round_id, seq, state, marks, write_ins, chosen, valid, entered_by, entered_at, revision)
         VALUES (?, ?, 'counted', ?, '[]', ?, ?, 'bench', '2025-06-15T08:00:00.000Z', ?)`,
      );
      for (let seq = 1; seq <= STORED; seq++) {
        const marks = randomMarks();
        const v = ballotValidity({ marks, writeIns: [] }, SEATS, DEFAULT_CONVENTION);
        insert.run(roundId, seq, JSON.stringify(marks), v.chosen, v.valid ? 1 : 0, revision);
      }
    })();
    seed.close();

    // The board's first look loads the round; every later update is the one measured.
    const warm = await congress.call('rounds.result', { roundId });
    if (warm.tally.counted !== STORED) throw new Error(`round holds ${warm.tally.counted} of ${STORED}`);

    // Interleaved with the raw inserts, so that both see the same disk at the same moments.
    const raw = rawInserter();
    const samples: number[] = [];
    const rawSamples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      rawSamples.push(raw.insert(JSON.stringify(randomMarks())));
      const input = { roundId, marks: randomMarks(), writeIns: [], setAside: false, stack: null, entry: null };
      const t = performance.now();
      await congress.call('ballots.enter', input);
      const result = await congress.call('rounds.result', { roundId });
      samples.push(performance.now() - t);
      if (result.tally.counted !== STORED + i + 1) throw new Error(`tally shows ${result.tally.counted}`);
    }

    raw.dispose();
    const ours99 = percentile(samples, 99);
    const raw99 = percentile(rawSamples, 99);
    const note = `${SAMPLES} ballots.enter + rounds.result, ${STORED.toLocaleString('en')} stored, ${CANDIDATES} candidates`;
    report.add({ bench: 'ballot.commit.p50', value: percentile(samples, 50), unit: 'ms', note });
    report.add({ bench: 'ballot.commit.p99', value: ours99, unit: 'ms', note });
    report.add({
      bench: 'ballot.commit.raw.p99',
      value: raw99,
      unit: 'ms',
      note: `${SAMPLES} single-row INSERTs, autocommit, WAL + synchronous=FULL, same disk`,
    });
    report.add({
      bench: 'ballot.commit.ratio',
      value: ours99 / raw99,
      unit: 'ratio',
      budget: 3,
      note: 'ours p99 / raw p99',
    });
  } finally {
    congress.dispose();
  }
}

/** The floor: one durable row insert on a bare connection with the congress file's pragmas. */
function rawInserter(): { insert(marks: string): number; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'congress-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(
    'CREATE TABLE ballots (id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL, seq INTEGER NOT NULL, marks TEXT NOT NULL)',
  );
  const statement = db.prepare('INSERT INTO ballots (round_id, seq, marks) VALUES (1, ?, ?)');
  let seq = 0;
  return {
    insert(marks) {
      const t = performance.now();
      statement.run(++seq, marks);
      return performance.now() - t;
    },
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
