/**
 * Rule 12: a 预选's result becomes the formal list. Those the closed pre-vote elected (over half
 * of 应到, by votes, up to the number set beforehand: the pre-vote's seats; a tie at the cut or too
 * few passing went to further pre-vote rounds, as in a formal contest) become the candidates of a
 * new formal `election` contest, with their roster facts, in suggested stroke order (「按姓氏笔画
 * 为序」) and NOT approved: the presidium approves the paper order as for any contest. The formal
 * contest keeps a link to its pre-vote (`fromPrevoteId`); a pre-vote makes one formal contest.
 */

import { suggestBallotOrder } from '../../core/ballot-order.js';
import { candidateFromDelegate } from '../../core/candidates.js';
import type { Contest } from '../../core/model/index.js';
import { at, ok, refuse } from '../../core/result.js';
import { findDelegate } from '../congress/records.js';
import {
  type CandidateFields,
  delegatesNamed,
  findCandidate,
  findContest,
  insertCandidate,
  listCandidates,
  requireContest,
} from '../count/contest-rows.js';
import { electedInContest } from '../count/round-rows.js';
import { within } from '../handler-types.js';
import { refuseNonMemberCandidate } from '../meetings/handlers.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { contestChanged, create } from './handlers.js';

/** The formal candidate for one person the pre-vote elected: the roster's facts when the person is on it. */
function formalCandidate(db: SqliteDb, elected: { candidateId: number | null; name: string }): CandidateFields {
  const candidate = elected.candidateId === null ? undefined : findCandidate(db, elected.candidateId);
  const delegate =
    candidate?.delegateId != null
      ? findDelegate(db, candidate.delegateId)
      : (() => {
          const named = delegatesNamed(db, candidate?.name ?? elected.name);
          return named.length === 1 ? named[0] : undefined;
        })();
  if (delegate) return { ...candidateFromDelegate(delegate), fromWriteIn: false };
  return {
    delegateId: null,
    name: candidate?.name ?? elected.name,
    gender: candidate?.gender ?? null,
    birthDate: candidate?.birthDate ?? null,
    ethnicity: candidate?.ethnicity ?? null,
    education: candidate?.education ?? null,
    unit: candidate?.unit ?? null,
    fromWriteIn: false,
  };
}

export const createFromPrevote = within<'contests.createFromPrevote', Contest>(
  (input, db) => requireContest(db, input.prevoteContestId),
  {
    run(prevote, input, call) {
      const { db } = call;
      const field = at('prevoteContestId', prevote.id);
      const params = { contest: prevote.title };
      if (prevote.kind !== 'prevote') return refuse('invalid_input', 'prevote.not_prevote', params, field);
      if (prevote.status !== 'closed') return refuse('conflict', 'prevote.not_closed', params, field);
      const formalId = statement(db, 'SELECT id FROM contests WHERE from_prevote_id = ?').pluck().get(prevote.id) as
        | number
        | undefined;
      if (formalId !== undefined) {
        return refuse(
          'conflict',
          'prevote.already_used',
          { ...params, formal: findContest(db, formalId)!.title },
          field,
        );
      }
      const elected = electedInContest(db, prevote.id);
      if (elected.length === 0) return refuse('conflict', 'prevote.nobody_elected', params, field);

      const made = create.run(
        {
          meetingId: input.meetingId ?? prevote.meetingId,
          title: input.title,
          kind: 'election',
          seats: input.seats,
          marginPercent: input.marginPercent,
          doubleEntry: input.doubleEntry,
          paperGroup: input.paperGroup,
        },
        call,
        undefined,
      );
      if (!made.ok) return made;
      const contest = made.value;
      statement(db, 'UPDATE contests SET from_prevote_id = ? WHERE id = ?').run(prevote.id, contest.id);
      // Rule 9: the suggested stroke order; the presidium approves (or changes) it before papers go out.
      for (const fields of suggestBallotOrder(elected.map((e) => formalCandidate(db, e)))) {
        const notMember = refuseNonMemberCandidate(db, contest, fields);
        if (notMember) return notMember;
        insertCandidate(db, contest.id, fields);
      }
      return ok({ contest: findContest(db, contest.id)!, candidates: listCandidates(db, contest.id) });
    },
    changes: (_input, output) => contestChanged(output.contest.id, output.contest.meetingId),
  },
);
