/**
 * result.export.100k and result.verify.100k: the signed result file of a congress holding
 * 100,000 ballots (20 contests × 5,000 papers × 12 candidates), exported through the backend
 * as the app does (build, canonical JSON, Ed25519, atomic write) and verified as the district
 * does (parse, schema, signature, recount of every round).
 *
 * The scene is set behind the app's back where the app would take minutes of fsyncs: the
 * 5,000 voters, their check-ins and the ballots are inserted on a second connection in one
 * transaction each, as the store writes them, with the audit rows the store writes (one per
 * ballot, its changes recorded): the export's replay of the log (issue 12) is measured too.
 * Contests, rounds and the closing go through the app.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { ballotValidity } from '../core/ballot.js';
import { DEFAULT_CONVENTION, type PaperMark } from '../core/election-types.js';
import { installChangeCapture } from '../db/audit/changes.js';
import { appendAudit } from '../db/audit/log.js';
import { replayAudit } from '../db/audit/replay.js';
import { verifyResultFile } from '../db/results/sign.js';
import { prng } from '../tests/fixtures/synthetic-roster.js';
import { approvedContest, openBenchCongress } from './congress.js';
import { median, type Reporter } from './report.js';

const VOTERS = 5_000;
const CONTESTS = 20;
const CANDIDATES = 12;
const SEATS = 10;
const RUNS = 3;

export async function benchResultFile(report: Reporter): Promise<void> {
  const congress = await openBenchCongress('result');
  try {
    const meeting = await congress.call('meetings.create', { name: '选举大会', date: '2025-06-15' });
    // The second connection records its changes as the store's does (db/audit/changes.ts) and
    // appends the audit rows the store would write, through the same appendAudit: the export
    // replays the log against the tables (issue 12) and would rightly refuse rows it never saw.
    const raw = new Database(congress.path);
    installChangeCapture(raw);
    const audit = (action: string, payload: unknown) =>
      appendAudit(raw, { at: '2025-06-15T09:00:00.000Z', operator: 'bench', station: 'bench', action, payload });
    raw.transaction(() => {
      const add = raw.prepare(
        `INSERT INTO delegates (badge, name, category, gender, birth_date, ethnicity, education, pinyin, initials)
         VALUES (?, ?, 'voting', ?, ?, '汉族', '大学', '', '')`,
      );
      const present = raw.prepare(
        `INSERT INTO attendance (meeting_id, delegate_id, status, at, operator, station)
         VALUES (?, ?, 'present', '2025-06-15T08:00:00.000Z', 'bench', 'bench')`,
      );
      for (let i = 1; i <= VOTERS; i++) {
        const info = add.run(String(i).padStart(5, '0'), `代表${i}`, i % 3 === 0 ? 'female' : 'male', '1980-01');
        present.run(meeting.id, Number(info.lastInsertRowid));
      }
      audit('roster.import', { delegates: VOTERS });
    })();

    const rounds: number[] = [];
    for (let k = 0; k < CONTESTS; k++) {
      const candidates = Array.from({ length: CANDIDATES }, (_, i) => ({
        delegateId: null,
        name: `候选人${k + 1}-${i + 1}`,
        gender: i % 3 === 0 ? ('female' as const) : ('male' as const),
        birthDate: i % 4 === 0 ? '1995-03' : '1975-08',
        ethnicity: i === 5 ? '回族' : '汉族',
        education: i % 2 === 0 ? '大学' : '研究生',
        unit: null,
      }));
      const title = `出席区党代会代表(第${k + 1}选区)`;
      const roundId = await approvedContest(congress.call, meeting.id, title, SEATS, candidates);
      await congress.call('rounds.distribute', { roundId, ballotsPrinted: VOTERS, issued: VOTERS, spareVoided: 0 });
      await congress.call('rounds.collect', { roundId, collected: VOTERS });
      rounds.push(roundId);
    }

    // Every paper ○ ten names and × two, the two drawn with weight rising with the paper
    // position: all pass the half, the last two lose, and the cut is never a tie.
    const random = prng(11);
    const weights = Array.from({ length: CANDIDATES }, (_, i) => i + 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const draw = () => {
      let r = random() * total;
      for (let i = 0; i < CANDIDATES; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return CANDIDATES - 1;
    };
    const marksFor = (): PaperMark[] => {
      const marks: PaperMark[] = Array(CANDIDATES).fill('circle');
      let crossed = 0;
      while (crossed < CANDIDATES - SEATS) {
        const i = draw();
        if (marks[i] === 'circle') {
          marks[i] = 'cross';
          crossed++;
        }
      }
      return marks;
    };
    raw.transaction(() => {
      const insert = raw.prepare(
        `INSERT INTO ballots (round_id, seq, state, marks, write_ins, chosen, valid, entered_by, entered_at, revision)
         VALUES (?, ?, 'counted', ?, '[]', ?, ?, 'bench', '2025-06-15T09:00:00.000Z', ?)`,
      );
      const bump = raw.prepare('UPDATE rounds SET revision = revision + 1 WHERE id = ? RETURNING revision').pluck();
      for (const roundId of rounds) {
        const revision = bump.get(roundId) as number;
        for (let seq = 1; seq <= VOTERS; seq++) {
          const marks = marksFor();
          const v = ballotValidity({ marks, writeIns: [] }, SEATS, DEFAULT_CONVENTION);
          insert.run(roundId, seq, JSON.stringify(marks), v.chosen, v.valid ? 1 : 0, revision);
          // One row per ballot, as ballots.enter writes it: the ballot and its round's counters.
          audit('ballots.enter', { roundId, marks, writeIns: [], setAside: false, stack: null, entry: null });
        }
      }
    })();
    raw.close();
    for (const roundId of rounds) await congress.call('rounds.close', { roundId });

    const out = join(dirname(congress.path), 'result.json');
    const exportMs: number[] = [];
    let fingerprint = '';
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      fingerprint = (await congress.call('result.export', { path: out, csvPath: null })).fingerprint;
      exportMs.push(performance.now() - t);
    }
    // A full replay alone, cold, on a fresh connection each time (the export's precheck makes one
    // when its connection has none to continue from; its run then continues from it).
    const replayMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const reader = new Database(congress.path, { readonly: true });
      const t = performance.now();
      const replay = replayAudit(reader);
      replayMs.push(performance.now() - t);
      reader.close();
      if (!replay.ok) throw new Error(`the seeded congress does not replay: ${replay.error.message}`);
    }
    const bytes = statSync(out).size;
    const verifyMs: number[] = [];
    let failures = 0;
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const verdict = verifyResultFile(out, fingerprint);
      verifyMs.push(performance.now() - t);
      failures = verdict.failures.length;
      if (!verdict.ok) throw new Error(`the exported file does not verify: ${verdict.failures[0]?.message}`);
    }
    const note = `median of ${RUNS}; ${CONTESTS} contests × ${VOTERS} ballots × ${CANDIDATES} candidates, file ${(bytes / 1e6).toFixed(1)} MB`;
    report.add({
      bench: 'result.export.100k',
      value: median(exportMs),
      unit: 'ms',
      budget: 2000,
      // The first export replays the log in full; the next ones continue from it (db/audit/replay.ts).
      note: `${note}; first run ${Math.round(exportMs[0]!)} ms (full replay)`,
    });
    report.add({
      bench: 'audit.replay.100k',
      value: median(replayMs),
      unit: 'ms',
      note: `median of ${RUNS}, cold; the audit log's changes folded and every table compared (db/audit/replay.ts)`,
    });
    report.add({
      bench: 'result.verify.100k',
      value: median(verifyMs),
      unit: 'ms',
      budget: 2000,
      note: `${note}; ${failures} failures (signature, schema, recount of every round)`,
    });
  } finally {
    congress.dispose();
  }
}
