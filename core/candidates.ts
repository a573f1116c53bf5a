/** The inputs a contest is set up with: the contest itself and its candidates. */
import type { Input } from './contract.js';
import { type Delegate, NO_FACTS } from './domain.js';

/**
 * A contest of a meeting: an election at the least margin rule 8 allows (20%), single entry,
 * on its own paper, unless told otherwise.
 */
export const electionContest = (
  meetingId: number,
  title: string,
  seats: number,
  extra: Partial<Input<'contests.create'>> = {},
): Input<'contests.create'> => ({
  meetingId,
  title,
  kind: 'election',
  seats,
  marginPercent: 20,
  doubleEntry: false,
  paperGroup: null,
  ...extra,
});

/**
 * A delegate of the roster put up as a candidate: the roster's facts, so that the structure of
 * those elected (rule 11) agrees with the roster it came from.
 */
export const candidateFromDelegate = (d: Delegate) => ({
  delegateId: d.id,
  name: d.name,
  gender: d.gender,
  birthDate: d.birthDate,
  ethnicity: d.ethnicity,
  education: d.education,
  unit: d.unit,
});

/** A candidate by name only (typed in, or written in and carried into a revote): no roster row, no facts. */
export const namedCandidate = (name: string) => ({ delegateId: null, name, ...NO_FACTS });
