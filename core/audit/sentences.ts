/**
 * An audit row as a sentence in the UI's language (issue 15 item 2: 「计票人 钱计票 录入第 37
 * 张选票(党委委员 第 1 轮):○○○○○○○××」, 「报到员 孙报到 为 张三 办理报到」). Pure: the row,
 * the names its ids stand for (`audit.names`, db/audit/names.ts) and the language; the screen,
 * its printout and the workbook export all say the same. A row names ids (the payload is mostly
 * the call's input) and what it changed (`changes`: [table, key, row]); the sentence reads both.
 */
import { shortFingerprint } from '../lan/protocol.js';
import type { AuditEntry, AuditNames } from '../model/audit.js';
import { type Language, terms } from '../reasons.js';
import type { AuditKind } from './kinds.js';
import { auditSentencesEn } from './sentences.en.js';
import { auditSentencesZhCN } from './sentences.zh-CN.js';

export type AuditSentences = typeof auditSentencesZhCN;
export type AuditAction = keyof AuditSentences['actions'];

export const auditSentenceCatalogues: Record<Language, AuditSentences> = {
  'zh-CN': auditSentencesZhCN,
  en: auditSentencesEn,
};

type Row = Pick<AuditEntry, 'operator' | 'station' | 'action' | 'payload' | 'changes'>;
type Params = Record<string, string | number>;
type Json = Record<string, unknown>;

/** The sentence's template, its values, and the parts said after it. */
interface Said {
  params: Params;
  parts?: [keyof AuditSentences['parts'], Params][];
}

const isAction = (action: string): action is AuditAction => Object.hasOwn(auditSentencesZhCN.actions, action);

/** The short label of an action (the 操作 column and the filters); its code when unknown. */
export function actionLabel(action: string, language: Language): string {
  return isAction(action) ? auditSentenceCatalogues[language].actions[action].label : action;
}

/** Who made the row: the operator, with the role the file gives that name. */
export function auditActor(row: Pick<Row, 'operator'>, names: AuditNames, language: Language): string {
  const catalogue = auditSentenceCatalogues[language];
  if (row.operator === 'system') return catalogue.actor.system;
  const role = names.operators[row.operator];
  if (!role) return row.operator;
  return fill(catalogue.actor.withRole, { role, name: row.operator }, catalogue);
}

/** The whole sentence: who, then what (and why, when the row says). */
export function auditSentence(row: Row, names: AuditNames, language: Language): string {
  const actor = auditActor(row, names, language);
  const what = auditWhat(row, names, language);
  const sentence = `${actor} ${what}`;
  // English starts the sentence with a capital ("Vote counter 钱计票 entered …").
  return language === 'en' ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}

/** What the row did, without who: the sentence after its actor. */
export function auditWhat(row: Row, names: AuditNames, language: Language): string {
  const catalogue = auditSentenceCatalogues[language];
  if (!isAction(row.action)) return fill(catalogue.parts.unknown, { action: row.action }, catalogue);
  const said = SAY[row.action](new Reading(row, names, language));
  let text = fill(catalogue.actions[row.action].sentence, said.params, catalogue);
  for (const [part, params] of said.parts ?? []) text += fill(catalogue.parts[part], params, catalogue);
  return text;
}

/**
 * Fills `{name}` with its value and `{name|group}` with the word of its code: the catalogue's
 * own groups, else core's terms (the roles).
 */
function fill(template: string, params: Params, catalogue: AuditSentences): string {
  const language: Language = catalogue === auditSentencesEn ? 'en' : 'zh-CN';
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, group: string | undefined) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    if (group === undefined) return value;
    const own = (catalogue.words as Record<string, Record<string, string>>)[group];
    if (own && Object.hasOwn(own, value)) return own[value]!;
    const shared = (terms as Record<string, Record<string, Record<Language, string>>>)[group];
    return shared && Object.hasOwn(shared, value) ? shared[value]![language] : value;
  });
}

/** One row read: its payload and changes parsed, the names looked up, `#id` for one not found. */
class Reading {
  readonly p: Json;
  private readonly changed: [string, unknown[], Json | null][];
  private readonly catalogue: AuditSentences;

  constructor(
    readonly row: Row,
    readonly names: AuditNames,
    readonly language: Language,
  ) {
    this.catalogue = auditSentenceCatalogues[language];
    this.p = (parse(row.payload) ?? {}) as Json;
    const changes = row.changes === null ? [] : parse(row.changes);
    this.changed = Array.isArray(changes) ? (changes as [string, unknown[], Json | null][]) : [];
  }

  /** The rows of `table` the write left (a deleted row is absent). */
  rows(table: string): Json[] {
    return this.changed.filter(([t, , row]) => t === table && row !== null).map(([, , row]) => row as Json);
  }

  /** The keys of the rows of `table` the write touched, deleted ones too. */
  keys(table: string): unknown[][] {
    return this.changed.filter(([t]) => t === table).map(([, key]) => key);
  }

  missing = (id: unknown) => fill(this.catalogue.missing, { id: String(id ?? '?') }, this.catalogue);
  text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));
  list = (items: string[]) => items.join(this.catalogue.list);

  meeting = (id: unknown) => this.names.meetings[String(id)] ?? this.missing(id);
  contest = (id: unknown) => this.names.contests[String(id)] ?? this.missing(id);
  delegate = (id: unknown) => this.names.delegates[String(id)]?.name ?? this.missing(id);
  candidate = (id: unknown) => this.names.candidates[String(id)]?.name ?? this.missing(id);
  official = (id: unknown) => this.names.officials[String(id)]?.name ?? this.missing(id);
  operatorName = (id: unknown) => this.names.operatorIds[String(id)] ?? this.missing(id);

  /** A round as its contest and number. */
  round(id: unknown): { contest: string; round: string | number } {
    const round = this.names.rounds[String(id)];
    return round
      ? { contest: this.contest(round.contestId), round: round.number }
      : { contest: this.missing(id), round: '?' };
  }

  /**
   * The ballot a ballot row states (`after`, else `before`): its number, round and marks. The
   * number is the paper's place in the stack (`no`, issue 15 item 7) where the row records it,
   * else the record's seq (a row from before, a voided paper's `after`).
   */
  ballot(): Params {
    const after = this.p.after as Json | undefined;
    const before = this.p.before as Json | undefined;
    const b = after ?? before ?? {};
    const no = [after?.no, before?.no].find((n) => typeof n === 'number');
    return { seq: this.text(no ?? b.seq), ...this.round(b.roundId), marks: this.marks(b.marks) };
  }

  marks(marks: unknown): string {
    if (!Array.isArray(marks)) return '—';
    const symbols = this.catalogue.marks as Record<string, string>;
    return marks.map((m) => symbols[String(m)] ?? '?').join('');
  }

  /** The delegate a check-in row is about: the attendance row it wrote (or removed). */
  attendee(): string {
    const event = this.rows('attendance_events')[0] ?? this.rows('attendance')[0];
    if (event) return this.delegate(event.delegate_id);
    const key = this.keys('attendance')[0];
    if (key) return this.delegate(key[1]);
    if (this.p.delegateId !== undefined) return this.delegate(this.p.delegateId);
    return this.text(this.p.badge);
  }

  /** The reason and note the row carries, said after the sentence. */
  why(): Said['parts'] {
    const parts: Said['parts'] = [];
    if (typeof this.p.reason === 'string' && this.p.reason !== '') parts.push(['reason', { reason: this.p.reason }]);
    if (typeof this.p.note === 'string' && this.p.note !== '') parts.push(['note', { note: this.p.note }]);
    return parts;
  }

  /** The wait a wrong PIN set, when there is one. */
  waited(): Said['parts'] {
    const wait = Number(this.p.waitSeconds ?? 0);
    return wait > 0 ? [['wait', { wait }]] : [];
  }

  /** The words of the codes in `keys` that the row has (a setting's, an operator's change). */
  words(group: 'setting', keys: string[]): string {
    const words = this.catalogue.words[group] as Record<string, string>;
    return this.list(keys.map((k) => words[k] ?? k));
  }

  fill = (template: string, params: Params) => fill(template, params, this.catalogue);
  get words_() {
    return this.catalogue.words;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const num = (value: unknown) => (typeof value === 'number' ? value : String(value ?? '—'));

/** What each action says: its template's values (and parts) from the row. */
const SAY: Record<AuditAction, (r: Reading) => Said> = {
  'congress.create': (r) => ({ params: { name: r.text(r.p.name), date: r.text(r.p.date), venue: r.text(r.p.venue) } }),
  'congress.backup': (r) => ({ params: { path: r.text(r.p.path) } }),
  'congress.backup.withdrawn': (r) => ({ params: { path: r.text(r.p.path), detail: r.text(r.p.detail) } }),
  'congress.updateSettings': (r) => ({
    params: {
      settings: r.words(
        'setting',
        Object.keys(r.p).filter((k) => k !== 'acknowledged'),
      ),
    },
  }),
  'meetings.create': (r) => ({ params: { meeting: r.text(r.p.name), date: r.text(r.p.date) } }),
  'meetings.setCurrent': (r) => ({ params: { meeting: r.meeting(r.p.meetingId) } }),
  'meetings.approveResult': (r) => ({
    params: { meeting: r.meeting(r.p.meetingId), approved: r.meeting(r.p.approvedMeetingId) },
    parts: r.why(),
  }),
  'delegates.add': (r) => ({ params: { delegate: r.text(r.p.name), badge: r.text(r.p.badge) } }),
  'delegates.update': (r) => {
    const row = r.rows('delegates')[0];
    return {
      params: {
        delegate: r.text(r.p.name ?? row?.name ?? r.delegate(r.p.id)),
        badge: r.text(r.p.badge ?? row?.badge ?? r.names.delegates[String(r.p.id)]?.badge),
      },
    };
  },
  'roster.import': (r) => ({
    params: {
      fileName: r.text(r.p.fileName),
      added: num(r.p.added),
      updated: num(r.p.updated),
      unchanged: num(r.p.unchanged),
    },
  }),
  'attendance.checkInByBadge': (r) => ({ params: { delegate: r.attendee(), meeting: r.meeting(r.p.meetingId) } }),
  'attendance.checkIn': (r) => ({ params: { delegate: r.attendee(), meeting: r.meeting(r.p.meetingId) } }),
  'attendance.undoLast': (r) => ({ params: { delegate: r.attendee(), meeting: r.meeting(r.p.meetingId) } }),
  'attendance.mark': (r) => ({
    params: { delegate: r.delegate(r.p.delegateId), status: r.text(r.p.status), meeting: r.meeting(r.p.meetingId) },
    parts: r.why(),
  }),
  'attendance.exclude': (r) => ({
    params: { delegate: r.delegate(r.p.delegateId), meeting: r.meeting(r.p.meetingId), kind: r.text(r.p.kind) },
    parts: r.why(),
  }),
  'attendance.revokeExclusion': (r) => {
    const row = r.rows('due_exclusions')[0];
    const known = r.names.exclusions[String(r.p.exclusionId)];
    return {
      params: {
        delegate: r.delegate(row?.delegate_id ?? known?.delegateId ?? null),
        meeting: r.meeting(row?.meeting_id ?? known?.meetingId ?? null),
      },
      parts: r.why(),
    };
  },
  'contests.create': (r) => ({ params: { contest: r.text(r.p.title), seats: num(r.p.seats) } }),
  'contests.update': (r) => ({ params: { contest: r.text(r.p.title ?? r.contest(r.p.contestId)) } }),
  'contests.reduceSeats': (r) => ({
    params: { contest: r.contest(r.p.contestId), seats: num(r.p.seats) },
    parts: r.why(),
  }),
  'contests.createFromPrevote': (r) => ({
    params: { contest: r.text(r.p.title), prevote: r.contest(r.p.prevoteContestId), seats: num(r.p.seats) },
  }),
  'candidates.add': (r) => ({ params: { contest: r.contest(r.p.contestId), candidate: r.text(r.p.name) } }),
  'candidates.remove': (r) => {
    const known = r.names.candidates[String(r.p.candidateId)];
    return {
      params: {
        contest: known ? r.contest(known.contestId) : r.missing(null),
        candidate: r.candidate(r.p.candidateId),
      },
    };
  },
  'candidates.import': (r) => ({ params: { contest: r.contest(r.p.contestId), fileName: r.text(r.p.fileName) } }),
  'candidates.approveOrder': (r) => {
    const ids = Array.isArray(r.p.candidateIds) ? r.p.candidateIds : [];
    return {
      params: {
        contest: r.contest(r.p.contestId),
        count: ids.length,
        candidates: r.list(ids.map((id) => r.candidate(id))),
      },
    };
  },
  'officials.appoint': (r) => {
    const row = r.rows('contest_officials')[0];
    return {
      params: {
        official: r.text(row?.name ?? r.p.name ?? r.delegate(r.p.delegateId)),
        contest: r.contest(r.p.contestId),
        role: r.text(r.p.role),
      },
    };
  },
  'officials.remove': (r) => {
    const known = r.names.officials[String(r.p.officialId)];
    return {
      params: { official: r.official(r.p.officialId), contest: known ? r.contest(known.contestId) : r.missing(null) },
    };
  },
  'rounds.distribute': (r) => ({
    params: {
      ...r.round(r.p.roundId),
      issued: num(r.p.issued),
      printed: num(r.p.ballotsPrinted),
      spare: num(r.p.spareVoided),
    },
  }),
  'rounds.collect': (r) => ({ params: { ...r.round(r.p.roundId), collected: num(r.p.collected) } }),
  'rounds.close': (r) => ({ params: r.round(r.p.roundId) }),
  'rounds.openAdditional': (r) => {
    const round = r.rows('rounds')[0];
    return {
      params: { contest: r.contest(r.p.contestId), seats: num(r.p.seats), round: r.text(round?.number) },
      parts: r.why(),
    };
  },
  'rounds.declareVoid': (r) => ({ params: r.round(r.p.roundId), parts: r.why() }),
  'ballots.enter': (r) => {
    const b = (r.p.after ?? {}) as Json;
    const parts: Said['parts'] = [];
    if (typeof b.entry === 'number') parts.push(['entry', { entry: b.entry }]);
    const writeIns = Array.isArray(b.writeIns) ? (b.writeIns as { name?: string }[]) : [];
    if (writeIns.length > 0) parts.push(['writeIns', { names: r.list(writeIns.map((w) => r.text(w.name))) }]);
    if (b.state === 'set_aside') parts.push(['setAside', {}]);
    const page = r.p.page as Json | undefined;
    if (page) parts.push(['scanned', { page: num(page.seq), name: r.text(page.name) }]);
    return { params: r.ballot(), parts };
  },
  'ballots.correct': (r) => ({
    params: { ...r.ballot(), before: r.marks((r.p.before as Json | undefined)?.marks) },
    parts: r.why(),
  }),
  'ballots.void': (r) => ({ params: r.ballot(), parts: r.why() }),
  'ballots.decide': (r) => {
    const b = (r.p.after ?? {}) as Json;
    const decision = (b.decision ?? {}) as Json;
    return {
      params: { ...r.ballot(), verdict: r.text(decision.verdict ?? r.p.verdict) },
      parts: typeof decision.note === 'string' && decision.note !== '' ? [['note', { note: decision.note }]] : [],
    };
  },
  'stacks.settle': (r) => ({
    params: { ...r.round(r.p.roundId), stack: num(r.p.stack), position: num(r.p.position), keep: num(r.p.keep) },
  }),
  'discipline.setText': (r) => ({ params: { kind: r.text(r.p.kind) } }),
  'oath.start': (r) => ({ params: { meeting: r.meeting(r.p.meetingId), leader: r.text(r.p.leader) } }),
  'oath.finish': (r) => ({
    params: { meeting: r.meeting(r.names.oaths[String(r.p.oathId)]), participants: num(r.p.participants) },
  }),
  'oath.addLatecomer': (r) => ({
    params: { delegate: r.delegate(r.p.delegateId), meeting: r.meeting(r.names.oaths[String(r.p.oathId)]) },
  }),
  'pledges.sign': (r) => ({ params: { delegate: r.delegate(r.p.delegateId) } }),
  'pledges.refuse': (r) => ({ params: { delegate: r.delegate(r.p.delegateId) }, parts: r.why() }),
  'pledges.withdraw': (r) => {
    const row = r.rows('pledges')[0];
    return {
      params: { delegate: r.delegate(row?.delegate_id ?? r.names.pledges[String(r.p.pledgeId)]) },
      parts: r.why(),
    };
  },
  'result.export': (r) => ({ params: { path: r.text(r.p.path), hash: r.text(r.p.contentHash) } }),
  'result.export.withdrawn': (r) => ({ params: { path: r.text(r.p.failed), detail: r.text(r.p.detail) } }),
  'audit.export': (r) => ({ params: { path: r.text(r.p.path), rows: num(r.p.rows) } }),
  'audit.export.withdrawn': (r) => ({ params: { path: r.text(r.p.failed), detail: r.text(r.p.detail) } }),
  'operators.add': (r) => ({ params: { name: r.text(r.p.name), role: r.text(r.p.role) } }),
  'operators.update': (r) => {
    const words = r.words_.operator;
    const changes: string[] = [];
    if (typeof r.p.role === 'string') changes.push(r.fill(words.role, { role: r.p.role }));
    if (r.p.pinChanged === true) changes.push(words.pin);
    if (r.p.disabled === true) changes.push(words.disabled);
    if (r.p.disabled === false) changes.push(words.enabled);
    return { params: { name: r.operatorName(r.p.operatorId), changes: r.list(changes) || '—' } };
  },
  'station.signIn': (r) => ({ params: { station: r.row.station } }),
  'station.signIn_failed': (r) => ({
    params: { station: r.row.station, failures: num(r.p.failures) },
    parts: r.waited(),
  }),
  'chief.confirm_failed': (r) => ({
    params: {
      name: r.text(r.p.name),
      channel: actionLabelOf(r, r.p.channel),
      failures: num(r.p.failures),
    },
    parts: r.waited(),
  }),
  'chief.confirm_cleared': (r) => ({ params: { name: r.text(r.p.name), channel: actionLabelOf(r, r.p.channel) } }),
  'backups.restore': (r) => ({ params: { from: r.text(r.p.from) } }),
  'scan.addFiles': (r) => scanReceived(r),
  'scan.addImage': (r) => scanReceived(r),
  'lan.openVenue': (r) => ({ params: venueAt(r) }),
  'lan.closeVenue': (r) => ({ params: venueAt(r) }),
  'lan.newCode': (r) => ({ params: { kind: r.text(r.p.kind), expiresAt: r.text(r.p.expiresAt) } }),
  'lan.revoke': (r) => ({ params: stationNamed(r) }),
  'lan.pair': (r) => ({ params: { ...stationNamed(r), address: r.text(r.p.address) } }),
  'lan.pairRefused': (r) => ({
    params: { ...stationNamed(r), address: r.text(r.p.address), reason: r.text(r.p.reason) },
  }),
  'lan.standby': (r) => ({ params: { name: r.text(r.p.name), ...venueAt(r) } }),
  'lan.join': () => ({ params: {} }),
  'lan.dismiss': () => ({ params: {} }),
  'lan.leave': () => ({ params: {} }),
  'lan.promote': () => ({ params: {} }),
  'lan.promoted': (r) => ({ params: { name: r.text(r.p.name), heldSeq: num(r.p.heldSeq), ...venueAt(r) } }),
  'audit.anchor': (r) => ({
    params: { uid: r.text(r.p.uid), fingerprint: r.text((r.p.key as Json | undefined)?.fingerprint) },
  }),
  'audit.key': (r) => ({ params: { fingerprint: r.text((r.p.key as Json | undefined)?.fingerprint) } }),
  'audit.checkpoint': (r) => ({ params: { fingerprint: r.text(r.p.fingerprint), followsId: num(r.p.followsId) } }),
  'audit.baseline': (r) => ({ params: { from: num(r.p.fromVersion), to: num(r.p.toVersion) } }),
};

/** Issue 14: where the venue network listens, as a row records it (the fingerprint shortened as the screen shows it). */
function venueAt(r: Reading): Params {
  const fingerprint = typeof r.p.fingerprint === 'string' ? shortFingerprint(r.p.fingerprint) : r.text(r.p.fingerprint);
  return { address: r.text(r.p.address), port: r.text(r.p.port), fingerprint };
}

/** Issue 14: a paired station as a row records it. */
const stationNamed = (r: Reading): Params => ({ name: r.text(r.p.name), kind: r.text(r.p.kind) });

/** Pages received: how many, their numbers and names, and how many were not. */
function scanReceived(r: Reading): Said {
  const pages = Array.isArray(r.p.pages) ? (r.p.pages as Json[]) : [];
  const skipped = Array.isArray(r.p.skipped) ? r.p.skipped.length : 0;
  return {
    params: {
      ...r.round(r.p.roundId),
      count: pages.length,
      pages: r.list(pages.map((p) => `${r.text(p.seq)} ${r.text(p.name)}`)),
    },
    parts: skipped > 0 ? [['skipped', { skipped }]] : [],
  };
}

const actionLabelOf = (r: Reading, channel: unknown) => actionLabel(String(channel ?? ''), r.language);

/** The word of a kind of row (the filters, the workbook's column). */
export const kindLabel = (kind: AuditKind, language: Language): string =>
  auditSentenceCatalogues[language].words.kind[kind];
