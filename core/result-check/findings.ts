/** What the recount found: each finding placed in its meeting, contest and round. */

export type FindingKind =
  | 'recount_differs'
  | 'attendance_inconsistent'
  | 'malformed'
  | 'quorum_not_met'
  | 'elected_twice'
  | 'official_is_candidate';

export interface Finding {
  kind: FindingKind;
  /** The meeting the finding is about (its name), when it is about a meeting or one of its contests. */
  meeting: string | null;
  contest: string | null;
  round: number | null;
  /** What differs: a candidate's name, or the figure (`valid`, `elected`, `collected`…). */
  subject: string;
  /** What the file states. */
  stated: string;
  /** What the recount gives, or what the rule requires. */
  recounted: string;
  message: string;
}

export const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export class Findings {
  constructor(
    readonly list: Finding[] = [],
    private readonly meeting: string | null = null,
    private readonly contest: string | null = null,
    private readonly round: number | null = null,
  ) {}
  /** The same list, with findings placed in a meeting. */
  inMeeting(meeting: string | null): Findings {
    return new Findings(this.list, meeting, null, null);
  }
  /** The same list, with findings placed in a contest (and round) of this meeting. */
  at(contest: string | null, round: number | null = null): Findings {
    return new Findings(this.list, this.meeting, contest, round);
  }
  add(kind: FindingKind, subject: string, stated: unknown, recounted: unknown, message: string): void {
    const where = [this.contest ?? this.meeting, this.round === null ? null : `第${this.round}轮`]
      .filter(Boolean)
      .join(' ');
    this.list.push({
      kind,
      meeting: this.meeting,
      contest: this.contest,
      round: this.round,
      subject,
      stated: show(stated),
      recounted: show(recounted),
      message: where ? `${where}:${message}` : message,
    });
  }
  /** A stated figure that the recount does not reproduce. */
  differs(subject: string, stated: unknown, recounted: unknown): void {
    if (show(stated) === show(recounted)) return;
    this.add(
      'recount_differs',
      subject,
      stated,
      recounted,
      `${subject} 文件所载 ${show(stated)},重新计票 ${show(recounted)}`,
    );
  }
}
