/**
 * Candidates of a contest, picked from the roster, typed in or imported, and the paper
 * order the presidium approves (rule 9). All of it only before ballots are issued: once
 * they are, the approved order is the order of the paper and of the entry screen.
 */
import type { z } from 'zod';
import { candidateFromDelegate } from '../../core/candidates.js';
import type { candidateInput } from '../../core/contract/contests.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import { canRound } from '../../core/round-state.js';
import { findDelegate, findDelegateByBadge } from '../congress/records.js';
import {
  type Candidate,
  type CandidateFields,
  type Contest,
  findCandidate,
  insertCandidate,
  listCandidates,
  requireContest,
  requireSetup,
} from '../count/contest-rows.js';
import { findRound, setRoundCandidates } from '../count/round-rows.js';
import { decodeFile, sha256Hex, wholeFile } from '../file-import.js';
import { done, type UpdateHandler, within } from '../handler-types.js';
import { refuseNonMemberCandidate } from '../meetings/handlers.js';
import type { SqliteDb } from '../open.js';
import { delegateNotFound } from '../roster/delegates.js';
import { type ParsedCandidates, parseCandidateFile } from './candidate-file.js';
import { contestChanged } from './handlers.js';
import { refuseOfficialAsCandidate } from './officials.js';

type CandidateGiven = z.output<typeof candidateInput>;

const firstRoundId = (db: SqliteDb, contestId: number) =>
  db.prepare("SELECT id FROM rounds WHERE contest_id = ? AND kind = 'first'").pluck().get(contestId) as number;

/** A change of the candidates withdraws an approved order: it no longer lists them all. */
function withdrawOrder(db: SqliteDb, contestId: number): void {
  db.prepare('UPDATE candidates SET position = NULL WHERE contest_id = ?').run(contestId);
  setRoundCandidates(db, firstRoundId(db, contestId), []);
}

function alreadyCandidate(db: SqliteDb, contest: Contest, delegateId: number) {
  const existing = db
    .prepare('SELECT name FROM candidates WHERE contest_id = ? AND delegate_id = ?')
    .pluck()
    .get(contest.id, delegateId) as string | undefined;
  return existing === undefined
    ? null
    : refuse(
        'conflict',
        'round.delegate_already_candidate',
        { name: existing, contest: contest.title },
        at('delegateId', delegateId),
      );
}

function setupContest(db: SqliteDb, contestId: number, what: string): Result<Contest> {
  const contest = requireContest(db, contestId);
  if (!contest.ok) return contest;
  return requireSetup(contest.value, what);
}

/**
 * A candidate as the secretariat gives one: picked from the roster (the roster's facts, so the
 * structure report agrees with it), or typed with facts, a blank fact stored as none.
 */
export function candidateFields(db: SqliteDb, given: CandidateGiven): Result<CandidateFields> {
  if (given.delegateId === null) {
    return ok({
      delegateId: null,
      name: given.name,
      gender: given.gender,
      birthDate: given.birthDate,
      ethnicity: emptyToNull(given.ethnicity),
      education: emptyToNull(given.education),
      unit: emptyToNull(given.unit),
      fromWriteIn: false,
    });
  }
  const d = findDelegate(db, given.delegateId);
  return d ? ok({ ...candidateFromDelegate(d), fromWriteIn: false }) : delegateNotFound(given.delegateId);
}

export const add: UpdateHandler<'candidates.add'> = {
  kind: 'update',
  run(input, { db }) {
    const contest = setupContest(db, input.contestId, '增加候选人');
    if (!contest.ok) return contest;
    const given = candidateFields(db, input);
    if (!given.ok) return given;
    const fields = given.value;
    if (fields.delegateId !== null) {
      const taken = alreadyCandidate(db, contest.value, fields.delegateId);
      if (taken) return taken;
    }
    // Rule 14: at a first plenary the candidates come from the members just elected.
    const notMember = refuseNonMemberCandidate(db, contest.value, fields);
    if (notMember) return notMember;
    // Rule 13: a scrutineer of the contest does not stand in it.
    const official = refuseOfficialAsCandidate(db, contest.value, fields.delegateId);
    if (official) return official;
    withdrawOrder(db, input.contestId);
    return ok(insertCandidate(db, input.contestId, fields));
  },
  changes: (input) => contestChanged(input.contestId),
};

const emptyToNull = (v: string | null) => (v === null || v === '' ? null : v);

export const remove: UpdateHandler<'candidates.remove', undefined, Candidate> = {
  kind: 'update',
  run(input, { db }) {
    const candidate = findCandidate(db, input.candidateId);
    if (!candidate) {
      return refuse(
        'not_found',
        'candidate.not_found',
        { id: input.candidateId },
        at('candidateId', input.candidateId),
      );
    }
    const contest = setupContest(db, candidate.contestId, '删除候选人');
    if (!contest.ok) return contest;
    withdrawOrder(db, candidate.contestId);
    db.prepare('DELETE FROM candidates WHERE id = ?').run(candidate.id);
    return done({}, candidate);
  },
  // The removed candidate as it was: the row itself is gone.
  audit: (_input, _output, { note }) => ({ removed: note }),
  changes: (_input, _output, { note }) => contestChanged(note.contestId),
};

async function parseForImport(fileName: string, contentBase64: string): Promise<Result<ParsedCandidates>> {
  const parsed = await parseCandidateFile(fileName, decodeFile(contentBase64));
  return wholeFile(parsed, parsed.errors, {
    code: 'invalid_input',
    invalid: 'candidates.file_invalid',
    empty: 'candidates.file_empty',
  });
}

/** All or nothing: any problem in any row refuses the whole file. */
export const importCandidates: UpdateHandler<'candidates.import', ParsedCandidates> = {
  kind: 'update',
  prepare: (input) => parseForImport(input.fileName, input.contentBase64),
  run(input, { db }, parsed) {
    const contest = setupContest(db, input.contestId, '导入候选人');
    if (!contest.ok) return contest;
    const out: Candidate[] = [];
    const seen = new Map<number, number>();
    for (const row of parsed.rows) {
      // A 代表证号 links the row to the roster only when the name agrees: a list's 编号 may be
      // a serial number, not a badge.
      const d = parsed.hasBadge ? findDelegateByBadge(db, row.badge) : undefined;
      const delegateId = d && d.name === row.name ? d.id : null;
      if (delegateId !== null) {
        const taken = alreadyCandidate(db, contest.value, delegateId);
        if (taken) {
          return refuse(
            'conflict',
            'candidates.row_already_candidate',
            { row: row.row, name: row.name, contest: contest.value.title },
            { row: row.row },
          );
        }
        const earlier = seen.get(delegateId);
        if (earlier !== undefined) {
          return refuse(
            'invalid_input',
            'candidates.duplicate_row',
            { row: row.row, name: row.name, earlier },
            { row: row.row, value: row.name },
          );
        }
        seen.set(delegateId, row.row);
      }
      out.push(
        insertCandidate(db, input.contestId, {
          delegateId,
          name: row.name,
          gender: row.gender,
          birthDate: row.birthDate,
          ethnicity: row.ethnicity,
          education: row.education,
          unit: row.unit,
          fromWriteIn: false,
        }),
      );
    }
    withdrawOrder(db, input.contestId);
    return ok(out.map((c) => ({ ...c, position: null })));
  },
  audit: (input, output) => ({
    contestId: input.contestId,
    fileName: input.fileName,
    sha256: sha256Hex(decodeFile(input.contentBase64)),
    candidates: output.map((c) => ({ id: c.id, name: c.name })),
  }),
  changes: (input) => contestChanged(input.contestId),
};

/**
 * Rule 9: the order the presidium approved, exactly the contest's candidates, each once.
 * It becomes the first round's paper order; locked once that round's ballots are issued.
 */
export const approveOrder = within<'candidates.approveOrder', Contest>(
  (input, db) => requireContest(db, input.contestId),
  {
    run(contest, input, { db }) {
      // The first round's paper may change only in setup (core/round-state.ts).
      const first = findRound(db, firstRoundId(db, contest.id))!;
      const allowed = canRound(first, contest.title, 'candidates.approveOrder');
      if (!allowed.ok) return { ok: false, error: { ...allowed.error, field: 'candidateIds' } };
      const candidates = listCandidates(db, contest.id);
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const listed = new Set<number>();
      for (const id of input.candidateIds) {
        if (!byId.has(id)) {
          return refuse('invalid_input', 'round.not_candidate', { id, contest: contest.title }, at('candidateIds', id));
        }
        if (listed.has(id)) {
          return refuse(
            'invalid_input',
            'candidates.order_twice',
            { name: byId.get(id)!.name },
            at('candidateIds', id),
          );
        }
        listed.add(id);
      }
      const missing = candidates.filter((c) => !listed.has(c.id));
      if (missing.length > 0) {
        return refuse(
          'invalid_input',
          'candidates.order_missing',
          { names: missing.map((c) => c.name).join('、') },
          { field: 'candidateIds', value: missing.map((c) => String(c.id)).join(',') },
        );
      }
      // Clear first: UNIQUE (contest_id, position) would trip over a swap.
      db.prepare('UPDATE candidates SET position = NULL WHERE contest_id = ?').run(contest.id);
      const place = db.prepare('UPDATE candidates SET position = ? WHERE id = ?');
      input.candidateIds.forEach((id, i) => {
        place.run(i + 1, id);
      });
      setRoundCandidates(db, firstRoundId(db, contest.id), input.candidateIds);
      return ok(listCandidates(db, contest.id));
    },
    changes: (input) => contestChanged(input.contestId),
  },
);
