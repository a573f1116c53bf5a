/**
 * The oath of election discipline (集中宣誓) and the delegates' pledges (严肃换届纪律承诺书).
 * Texts are versioned rows that never change; the oath and each pledge point at the version
 * that was read. Signatures are stored as the PNG bytes the pad produced; the audit row keeps
 * their SHA-256, so an image swapped later no longer matches the chain.
 */

import { createHash } from 'node:crypto';
import {
  type DisciplineTextKind,
  isPng,
  oathSnapshot,
  type PledgeStatus,
  pledgeState,
  summarizePledges,
  takesDisciplineVows,
} from '../../core/discipline.js';
import type { Delegate } from '../../core/domain.js';
import type { DisciplineText, Meeting, Oath, Pledge } from '../../core/model/index.js';
// `refuse` is the name of the pledge refusal handler below.
import { at, ok, type Result, refuse as refuseCall } from '../../core/result.js';
import { findDelegate, listAttendance, listDelegates } from '../congress/records.js';
import { type QueryHandler, type UpdateCall, type UpdateHandler, within } from '../handler-types.js';
import { requireMeeting } from '../meetings/handlers.js';
import type { SqliteDb } from '../open.js';
import { andDelegate, delegateNotFound } from '../roster/delegates.js';

const changed = () => [{ topic: 'discipline' as const }];

// ——— Texts ———

const TEXT_COLUMNS = 'id, kind, version, body, created_at AS createdAt, created_by AS createdBy';

function currentText(db: SqliteDb, kind: DisciplineTextKind): DisciplineText {
  // The migration stores version 1 of each kind, so there is always one.
  return db
    .prepare(`SELECT ${TEXT_COLUMNS} FROM discipline_texts WHERE kind = ? ORDER BY version DESC LIMIT 1`)
    .get(kind) as DisciplineText;
}

function findText(db: SqliteDb, id: number): DisciplineText | undefined {
  return db.prepare(`SELECT ${TEXT_COLUMNS} FROM discipline_texts WHERE id = ?`).get(id) as DisciplineText | undefined;
}

export const texts: QueryHandler<'discipline.texts'> = {
  kind: 'query',
  run: (_input, { db }) => ok({ oath: currentText(db, 'oath'), pledge: currentText(db, 'pledge') }),
};

export const setText: UpdateHandler<'discipline.setText'> = {
  kind: 'update',
  run(input, { db, now, operator }) {
    const current = currentText(db, input.kind);
    if (current.body === input.body) return ok(current);
    const info = db
      .prepare('INSERT INTO discipline_texts (kind, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(input.kind, current.version + 1, input.body, now, operator);
    return ok(findText(db, Number(info.lastInsertRowid))!);
  },
  changes: changed,
};

// ——— The oath ———

interface OathRow {
  id: number;
  meeting_id: number;
  text_id: number;
  leader: string | null;
  started_at: string;
  ended_at: string | null;
  operator: string;
}

const brief = (d: Delegate) => ({
  id: d.id,
  badge: d.badge,
  name: d.name,
  delegation: d.delegation,
  category: d.category,
});

function readOath(db: SqliteDb, row: OathRow): Oath {
  const participants = db
    .prepare(
      `SELECT delegate_id AS delegateId, joined_at AS joinedAt, late, operator FROM oath_participants
       WHERE oath_id = ? ORDER BY late, joined_at, delegate_id`,
    )
    .all(row.id) as { delegateId: number; joinedAt: string; late: number; operator: string }[];
  const byId = new Map(listDelegates(db).map((d) => [d.id, d]));
  return {
    id: row.id,
    meetingId: row.meeting_id,
    text: findText(db, row.text_id)!,
    leader: row.leader,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    operator: row.operator,
    participants: participants.map((p) => ({
      delegate: brief(byId.get(p.delegateId)!),
      joinedAt: p.joinedAt,
      late: p.late === 1,
      operator: p.operator,
    })),
  };
}

function findOath(db: SqliteDb, where: 'id' | 'meeting_id', value: number): OathRow | undefined {
  return db.prepare(`SELECT * FROM oaths WHERE ${where} = ?`).get(value) as OathRow | undefined;
}

function requireOath(db: SqliteDb, oathId: number): Result<OathRow> {
  const row = findOath(db, 'id', oathId);
  return row ? ok(row) : refuseCall('not_found', 'oath.not_found', { id: oathId }, at('oathId', oathId));
}

export const getOath: QueryHandler<'oath.get'> = {
  kind: 'query',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const row = findOath(db, 'meeting_id', input.meetingId);
    return ok(row ? readOath(db, row) : null);
  },
};

export const startOath = within<'oath.start', Meeting>((input, db) => requireMeeting(db, input.meetingId), {
  run(meeting, input, call) {
    const { db } = call;
    const existing = findOath(db, 'meeting_id', input.meetingId);
    if (existing) {
      return refuseCall(
        'conflict',
        'oath.already_held',
        { meeting: meeting.name, at: existing.started_at },
        at('meetingId', input.meetingId),
      );
    }
    const attendance = new Map(listAttendance(db, input.meetingId).map((r) => [r.delegateId, r]));
    const participants = oathSnapshot(listDelegates(db), attendance);
    if (participants.length === 0) return refuseCall('conflict', 'oath.nobody_present', {}, { field: 'meetingId' });
    const info = db
      .prepare(
        'INSERT INTO oaths (meeting_id, text_id, leader, started_at, operator, station) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(input.meetingId, currentText(db, 'oath').id, input.leader || null, call.now, call.operator, call.station);
    const oathId = Number(info.lastInsertRowid);
    const add = db.prepare(
      'INSERT INTO oath_participants (oath_id, delegate_id, joined_at, late, operator) VALUES (?, ?, ?, 0, ?)',
    );
    for (const d of participants) add.run(oathId, d.id, call.now, call.operator);
    return ok(readOath(db, findOath(db, 'id', oathId)!));
  },
  // The participants are in the oath record; the audit row names how many joined.
  audit: (input, output) => ({ ...input, oathId: output.id, participants: output.participants.length }),
  // The oath starts the meeting: its attendance now says 缺席 where it said 未到 (meetingStarted).
  changes: (input) => [...changed(), { topic: 'attendance' as const, meetingId: input.meetingId }],
});

export const finishOath: UpdateHandler<'oath.finish'> = {
  kind: 'update',
  run(input, { db, now }) {
    const row = requireOath(db, input.oathId);
    if (!row.ok) return row;
    if (row.value.ended_at !== null) {
      return refuseCall('conflict', 'oath.ended', { at: row.value.ended_at }, at('oathId', input.oathId));
    }
    db.prepare('UPDATE oaths SET ended_at = ?, leader = coalesce(?, leader) WHERE id = ?').run(
      now,
      input.leader || null,
      input.oathId,
    );
    return ok(readOath(db, findOath(db, 'id', input.oathId)!));
  },
  audit: (input, output) => ({ ...input, endedAt: output.endedAt, leader: output.leader }),
  changes: changed,
};

/** The oath refused first, then the delegate. */
const latecomerAtOath = andDelegate((input: { oathId: number; delegateId: number }, db) =>
  requireOath(db, input.oathId),
);

export const addLatecomer = within<'oath.addLatecomer', [OathRow, Delegate]>(latecomerAtOath, {
  run([row, delegate], input, call) {
    const { db } = call;
    const who = `${delegate.name}(${delegate.badge})`;
    if (!takesDisciplineVows(delegate)) return refuseCall('conflict', 'oath.non_voting', { name: who }, { value: who });
    const present = listAttendance(db, row.meeting_id).find((r) => r.delegateId === delegate.id);
    if (present?.status !== 'present') return refuseCall('conflict', 'oath.not_present', { name: who }, { value: who });
    const already = db
      .prepare('SELECT joined_at AS at FROM oath_participants WHERE oath_id = ? AND delegate_id = ?')
      .get(input.oathId, delegate.id) as { at: string } | undefined;
    if (already) return refuseCall('conflict', 'oath.already_joined', { name: who, at: already.at }, { value: who });
    db.prepare(
      'INSERT INTO oath_participants (oath_id, delegate_id, joined_at, late, operator) VALUES (?, ?, ?, 1, ?)',
    ).run(input.oathId, delegate.id, call.now, call.operator);
    return ok(readOath(db, findOath(db, 'id', input.oathId)!));
  },
  audit: (input, output) => ({ ...input, participants: output.participants.length }),
  changes: changed,
});

// ——— Pledges ———

interface PledgeRow {
  id: number;
  delegate_id: number;
  status: PledgeStatus;
  text_id: number;
  version: number;
  meeting_id: number | null;
  note: string | null;
  at: string;
  operator: string;
  station: string;
  signature_bytes: number | null;
  signature_sha256: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

const PLEDGE_SELECT = `SELECT p.id, p.delegate_id, p.status, p.text_id, t.version, p.meeting_id, p.note, p.at,
    p.operator, p.station, length(p.signature) AS signature_bytes, p.signature_sha256, p.withdrawn_at, p.withdrawn_by, p.withdrawn_reason
  FROM pledges p JOIN discipline_texts t ON t.id = p.text_id`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function toPledge(row: PledgeRow): Pledge {
  return {
    id: row.id,
    delegateId: row.delegate_id,
    status: row.status,
    textId: row.text_id,
    textVersion: row.version,
    meetingId: row.meeting_id,
    note: row.note,
    at: row.at,
    operator: row.operator,
    station: row.station,
    signature:
      row.signature_bytes === null || row.signature_sha256 === null
        ? null
        : { bytes: row.signature_bytes, sha256: row.signature_sha256 },
    withdrawn:
      row.withdrawn_at === null
        ? null
        : { at: row.withdrawn_at, by: row.withdrawn_by ?? '', reason: row.withdrawn_reason ?? '' },
  };
}

/** Each delegate's current pledge: the latest one not withdrawn. */
function currentPledges(db: SqliteDb): Map<number, PledgeRow> {
  const rows = db.prepare(`${PLEDGE_SELECT} WHERE p.withdrawn_at IS NULL ORDER BY p.id`).all() as PledgeRow[];
  return new Map(rows.map((r) => [r.delegate_id, r]));
}

function currentPledgeOf(db: SqliteDb, delegateId: number): PledgeRow | undefined {
  return db
    .prepare(`${PLEDGE_SELECT} WHERE p.delegate_id = ? AND p.withdrawn_at IS NULL ORDER BY p.id DESC LIMIT 1`)
    .get(delegateId) as PledgeRow | undefined;
}

export const summary: QueryHandler<'pledges.summary'> = {
  kind: 'query',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const attendance = new Map(listAttendance(db, input.meetingId).map((r) => [r.delegateId, r]));
    const pledges = currentPledges(db);
    const rows = listDelegates(db)
      .filter(takesDisciplineVows)
      .map((d) => {
        const current = pledges.get(d.id);
        const record = attendance.get(d.id);
        return {
          delegate: brief(d),
          state: pledgeState(current, record),
          present: record?.status === 'present',
          pledge: current ? toPledge(current) : null,
        };
      });
    const counts = summarizePledges(rows.map((r) => ({ delegation: r.delegate.delegation, state: r.state })));
    return ok({ ...counts, rows });
  },
};

export const history: QueryHandler<'pledges.history'> = {
  kind: 'query',
  run(input, { db }) {
    if (!findDelegate(db, input.delegateId)) return delegateNotFound(input.delegateId);
    const rows = db
      .prepare(`${PLEDGE_SELECT} WHERE p.delegate_id = ? ORDER BY p.id`)
      .all(input.delegateId) as PledgeRow[];
    return ok(rows.map(toPledge));
  },
};

/** What signing and refusing both check: the delegate, the meeting, the text on screen, no pledge yet. */
function checkPledgeable(
  db: SqliteDb,
  input: { delegateId: number; meetingId: number | null; textId: number },
): Result<Delegate> {
  const delegate = findDelegate(db, input.delegateId);
  if (!delegate) return delegateNotFound(input.delegateId);
  const who = `${delegate.name}(${delegate.badge})`;
  if (!takesDisciplineVows(delegate)) return refuseCall('conflict', 'pledge.non_voting', { name: who }, { value: who });
  if (input.meetingId !== null) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
  }
  const shown = currentText(db, 'pledge');
  if (input.textId !== shown.id) {
    // The text changed between showing it and signing: what was read is not what would be stored.
    return refuseCall('conflict', 'pledge.text_changed', { version: shown.version }, at('textId', input.textId));
  }
  const current = currentPledgeOf(db, delegate.id);
  if (current?.status === 'signed') {
    return refuseCall('conflict', 'pledge.already_signed', { name: who, at: current.at }, { value: who });
  }
  return ok(delegate);
}

function insertPledge(
  db: SqliteDb,
  call: UpdateCall,
  input: { delegateId: number; meetingId: number | null; textId: number },
  status: PledgeStatus,
  signature: Buffer | null,
  note: string | null,
): Pledge {
  const info = db
    .prepare(
      `INSERT INTO pledges (delegate_id, status, text_id, meeting_id, signature, signature_sha256, note, at,
         operator, station)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.delegateId,
      status,
      input.textId,
      input.meetingId,
      signature,
      signature && sha256(signature),
      note,
      call.now,
      call.operator,
      call.station,
    );
  const row = db.prepare(`${PLEDGE_SELECT} WHERE p.id = ?`).get(Number(info.lastInsertRowid)) as PledgeRow;
  return toPledge(row);
}

export const sign: UpdateHandler<'pledges.sign'> = {
  kind: 'update',
  run(input, call) {
    const checked = checkPledgeable(call.db, input);
    if (!checked.ok) return checked;
    const png = Buffer.from(input.signaturePngBase64, 'base64');
    if (!isPng(png)) {
      return refuseCall('invalid_input', 'pledge.signature_not_png', {}, { field: 'signaturePngBase64' });
    }
    return ok(insertPledge(call.db, call, input, 'signed', png, null));
  },
  // The image stays in the pledge row; the audit row binds it by its hash.
  audit: ({ signaturePngBase64: _image, ...input }, output) => ({
    ...input,
    pledgeId: output.id,
    signature: output.signature,
  }),
  changes: changed,
};

export const refuse: UpdateHandler<'pledges.refuse'> = {
  kind: 'update',
  run(input, call) {
    const checked = checkPledgeable(call.db, input);
    if (!checked.ok) return checked;
    const current = currentPledgeOf(call.db, input.delegateId);
    if (current?.status === 'refused') {
      return refuseCall(
        'conflict',
        'pledge.already_refused',
        { name: checked.value.name, badge: checked.value.badge },
        {
          value: checked.value.badge,
        },
      );
    }
    return ok(insertPledge(call.db, call, input, 'refused', null, input.note || null));
  },
  audit: (input, output) => ({ ...input, pledgeId: output.id }),
  changes: changed,
};

export const withdraw: UpdateHandler<'pledges.withdraw'> = {
  kind: 'update',
  run(input, call) {
    const { db } = call;
    const row = db.prepare(`${PLEDGE_SELECT} WHERE p.id = ?`).get(input.pledgeId) as PledgeRow | undefined;
    if (!row) {
      return refuseCall('not_found', 'pledge.not_found', { id: input.pledgeId }, at('pledgeId', input.pledgeId));
    }
    if (row.withdrawn_at !== null) {
      return refuseCall('conflict', 'pledge.already_withdrawn', { at: row.withdrawn_at }, at('pledgeId', row.id));
    }
    db.prepare('UPDATE pledges SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?').run(
      call.now,
      call.operator,
      input.reason,
      row.id,
    );
    return ok(toPledge(db.prepare(`${PLEDGE_SELECT} WHERE p.id = ?`).get(row.id) as PledgeRow));
  },
  changes: changed,
};

export const signatures: QueryHandler<'pledges.signatures'> = {
  kind: 'query',
  run(input, { db }) {
    const read = db.prepare("SELECT signature FROM pledges WHERE id = ? AND status = 'signed'");
    const out: { pledgeId: number; pngBase64: string }[] = [];
    for (const pledgeId of input.pledgeIds) {
      const row = read.get(pledgeId) as { signature: Buffer } | undefined;
      if (!row) {
        return refuseCall('not_found', 'signature.not_found', { id: pledgeId }, at('pledgeIds', pledgeId));
      }
      out.push({ pledgeId, pngBase64: row.signature.toString('base64') });
    }
    return ok(out);
  },
};
