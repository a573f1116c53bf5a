import type { Delegate } from './domain.js';

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
