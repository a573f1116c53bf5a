/**
 * Rule 15: the order in which those elected are listed (on the 选举结果报告单, in the result file,
 * on the hall's announcement). 条例: 「当选人名单按姓氏笔划排列」 for committee members, 纪委委员 and
 * delegates; 候补 (alternates) 「按得票多少排列」, equal votes then by strokes; 书记 and 副书记 in the
 * order the plenary approved (their paper order). Pure: the forms (helper E) and the result file
 * (helper G) both call it, so paper and file list the same people in the same order.
 */
import { suggestBallotOrder } from './ballot-order.js';

/**
 * members: 委员 and 代表, by surname strokes (rule 9's comparator); alternates: 候补 by votes,
 * then strokes; approved: 书记/副书记, in the approved paper order.
 */
export const ELECTED_LIST_KINDS = ['members', 'alternates', 'approved'] as const;
export type ElectedListKind = (typeof ELECTED_LIST_KINDS)[number];

export interface ElectedPerson {
  name: string;
  /** For-votes in the round that elected them. */
  votes: number;
  /** Place on the paper of the round that elected them (1-based); null for a written-in name. */
  paperPosition: number | null;
}

/** 委员、代表: 按姓氏笔画为序. */
export const orderMembers = <T extends { name: string }>(people: readonly T[]): T[] => suggestBallotOrder(people);

/** 候补: more votes first; equal votes by surname strokes. */
export function orderAlternates<T extends { name: string; votes: number }>(people: readonly T[]): T[] {
  const strokes = new Map(suggestBallotOrder(people).map((p, i) => [p, i]));
  return [...people].sort((a, b) => b.votes - a.votes || strokes.get(a)! - strokes.get(b)!);
}

/** 书记、副书记: the approved paper order; a written-in name (no place) after, by strokes. */
export function orderByPaper<T extends { name: string; paperPosition: number | null }>(people: readonly T[]): T[] {
  const placed = people.filter((p) => p.paperPosition !== null).sort((a, b) => a.paperPosition! - b.paperPosition!);
  const unplaced = suggestBallotOrder(people.filter((p) => p.paperPosition === null));
  return [...placed, ...unplaced];
}

export function electedListOrder<T extends ElectedPerson>(people: readonly T[], kind: ElectedListKind): T[] {
  switch (kind) {
    case 'members':
      return orderMembers(people);
    case 'alternates':
      return orderAlternates(people);
    case 'approved':
      return orderByPaper(people);
  }
}

/**
 * Which list a contest's elected make: at a first plenary (a meeting of members, rule 14) the
 * 书记/副书记/纪委书记 in approved order; at a congress session members and delegates in stroke
 * order. A contest of alternates says so itself (`alternates`).
 */
export function electedListKindOf(meetingElectorate: 'delegates' | 'members', alternates = false): ElectedListKind {
  if (alternates) return 'alternates';
  return meetingElectorate === 'members' ? 'approved' : 'members';
}
