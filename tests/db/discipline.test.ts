import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit/log.js';
import { greyPng } from '../png.js';
import { congressWith, delegateFields, desk, dumpTables, rawDb } from './helpers.js';

/** A real PNG (width × height, grey noise), as a signature pad would hand over. */
const png = (width = 40, height = 12): Buffer => greyPng(width, height, () => randomInt(256));

const five = () => [
  delegateFields('001', { name: '张三', delegation: '机关代表团' }),
  delegateFields('002', { name: '李四', delegation: '机关代表团' }),
  delegateFields('003', { name: '王五', delegation: '农村代表团' }),
  delegateFields('004', { name: '赵六', delegation: '农村代表团', category: 'alternate' }),
  delegateFields('005', { name: '钱七', category: 'nonvoting', delegation: null }),
];

async function setUp() {
  const c = await congressWith(five());
  const id = (badge: string) => c.ids.get(badge)!;
  const checkIn = (badge: string) => c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge });
  const texts = await c.call('discipline.texts', {});
  return { ...c, id, checkIn, texts };
}

describe('discipline texts', () => {
  it('starts with default texts naming the ten prohibitions, and an edit makes a new version', async () => {
    const c = await setUp();
    expect(c.texts.oath.version).toBe(1);
    expect(c.texts.pledge.body).toContain('严禁拉票贿选');
    const edited = await c.call('discipline.setText', { kind: 'pledge', body: '本人郑重承诺:严守换届纪律。' });
    expect(edited).toMatchObject({ kind: 'pledge', version: 2, createdBy: desk.operator });
    expect((await c.call('discipline.texts', {})).pledge.id).toBe(edited.id);
    // The old version is still there for the pledges that point at it.
    const raw = rawDb(c.path);
    expect(() => raw.prepare('UPDATE discipline_texts SET body = ? WHERE id = ?').run('x', c.texts.pledge.id)).toThrow(
      /append-only/,
    );
  });
});

describe('the collective oath', () => {
  it('takes as participants the delegates checked in at its start, not 列席, and keeps that snapshot', async () => {
    const c = await setUp();
    for (const b of ['001', '002', '004', '005']) await c.checkIn(b);
    const oath = await c.call('oath.start', { meetingId: c.meetingId, leader: null });
    expect(oath.participants.map((p) => p.delegate.badge).sort()).toEqual(['001', '002', '004']);
    expect(oath.participants.every((p) => !p.late && p.joinedAt === oath.startedAt)).toBe(true);
    expect(oath.text.id).toBe(c.texts.oath.id);

    // Someone arriving afterwards is not in the snapshot until added as a latecomer.
    await c.checkIn('003');
    expect((await c.call('oath.get', { meetingId: c.meetingId }))!.participants).toHaveLength(3);
    const late = await c.call('oath.addLatecomer', { oathId: oath.id, delegateId: c.id('003') });
    const added = late.participants.find((p) => p.delegate.badge === '003')!;
    expect(added.late).toBe(true);
    expect(added.joinedAt >= oath.startedAt).toBe(true);
    expect(late.participants).toHaveLength(4);

    // The leader can be named after the key press; finishing records the end.
    const done = await c.call('oath.finish', { oathId: oath.id, leader: '镇党委书记 周明' });
    expect(done.leader).toBe('镇党委书记 周明');
    expect(done.endedAt! >= done.startedAt).toBe(true);
    expect((await c.failure('oath.finish', { oathId: oath.id, leader: null })).code).toBe('conflict');
  });

  it('refuses a second oath for the meeting, a latecomer not checked in, twice added, or 列席', async () => {
    const c = await setUp();
    expect((await c.failure('oath.start', { meetingId: c.meetingId, leader: null })).reason).toBe(
      'oath.nobody_present',
    );
    await c.checkIn('001');
    await c.checkIn('005');
    const oath = await c.call('oath.start', { meetingId: c.meetingId, leader: '周明' });
    const before = dumpTables(c.path);
    expect((await c.failure('oath.start', { meetingId: c.meetingId, leader: null })).code).toBe('conflict');
    const notHere = await c.failure('oath.addLatecomer', { oathId: oath.id, delegateId: c.id('002') });
    expect(notHere).toMatchObject({ reason: 'oath.not_present', params: { name: '李四(002)' } });
    expect((await c.failure('oath.addLatecomer', { oathId: oath.id, delegateId: c.id('001') })).reason).toBe(
      'oath.already_joined',
    );
    expect((await c.failure('oath.addLatecomer', { oathId: oath.id, delegateId: c.id('005') })).reason).toBe(
      'oath.non_voting',
    );
    expect(dumpTables(c.path)).toEqual(before);
  });
});

describe('pledges', () => {
  it('stores the signature and reads it back byte for byte, with its hash in the audit log', async () => {
    const c = await setUp();
    const image = png();
    const pledge = await c.call('pledges.sign', {
      delegateId: c.id('001'),
      meetingId: c.meetingId,
      textId: c.texts.pledge.id,
      signaturePngBase64: image.toString('base64'),
    });
    expect(pledge).toMatchObject({ status: 'signed', textVersion: 1, operator: desk.operator });
    expect(pledge.signature!.bytes).toBe(image.length);
    const [back] = await c.call('pledges.signatures', { pledgeIds: [pledge.id] });
    expect(Buffer.from(back!.pngBase64, 'base64').equals(image)).toBe(true);

    const [audit] = await c.call('audit.list', { limit: 1, beforeId: null });
    expect(audit!.action).toBe('pledges.sign');
    expect(audit!.payload).toContain(pledge.signature!.sha256);
    expect(audit!.payload).not.toContain(image.toString('base64').slice(0, 40));
  });

  it('counts signed of due per delegation; 列席 are not due; leave and absent show as such', async () => {
    const c = await setUp();
    await c.checkIn('001');
    await c.call('attendance.mark', {
      meetingId: c.meetingId,
      delegateId: c.id('003'),
      status: 'leave',
      reason: '病假',
    });
    const signed = await c.call('pledges.sign', {
      delegateId: c.id('001'),
      meetingId: c.meetingId,
      textId: c.texts.pledge.id,
      signaturePngBase64: png().toString('base64'),
    });
    await c.call('pledges.refuse', {
      delegateId: c.id('002'),
      meetingId: c.meetingId,
      textId: c.texts.pledge.id,
      note: '本人拒绝',
    });
    const s = await c.call('pledges.summary', { meetingId: c.meetingId });
    expect(s).toMatchObject({ due: 4, signed: 1, refused: 1, leave: 1, absent: 0, pending: 1 });
    expect(s.rows.map((r) => [r.delegate.badge, r.state, r.present])).toEqual([
      ['001', 'signed', true],
      ['002', 'refused', false],
      ['003', 'leave', false],
      ['004', 'pending', false],
    ]);
    // The list names each signature by its hash without reading the images.
    expect(s.rows[0]!.pledge!.signature).toEqual(signed.signature);
    expect(s.byDelegation.map((d) => [d.delegation, d.due, d.signed])).toEqual([
      ['机关代表团', 2, 1],
      ['农村代表团', 2, 0],
    ]);
  });

  it('refuses a second signature, 列席, a text replaced since it was shown, and bytes that are not PNG', async () => {
    const c = await setUp();
    const sign = (badge: string, textId = c.texts.pledge.id, bytes = png()) => ({
      delegateId: c.id(badge),
      meetingId: c.meetingId,
      textId,
      signaturePngBase64: bytes.toString('base64'),
    });
    await c.call('pledges.sign', sign('001'));
    const before = dumpTables(c.path);
    expect((await c.failure('pledges.sign', sign('001'))).reason).toBe('pledge.already_signed');
    expect((await c.failure('pledges.sign', sign('005'))).reason).toBe('pledge.non_voting');
    expect(
      (await c.failure('pledges.sign', sign('002', c.texts.pledge.id, Buffer.from('GIF89a-not-a-png-at-all-xxxxxxxx'))))
        .field,
    ).toBe('signaturePngBase64');
    expect((await c.failure('pledges.sign', { ...sign('002'), signaturePngBase64: '***' })).code).toBe('invalid_input');
    expect(dumpTables(c.path)).toEqual(before);

    const v2 = await c.call('discipline.setText', { kind: 'pledge', body: '第二版承诺书' });
    const stale = await c.failure('pledges.sign', sign('002'));
    expect(stale).toMatchObject({ code: 'conflict', field: 'textId' });
    expect(stale).toMatchObject({ reason: 'pledge.text_changed', params: { version: 2 } });
    expect((await c.call('pledges.sign', sign('002', v2.id))).textVersion).toBe(2);
    // The first pledge keeps the version its delegate read.
    const history = await c.call('pledges.history', { delegateId: c.id('001') });
    expect(history[0]!.textVersion).toBe(1);
  });

  it('a withdrawal needs a reason and keeps the history; the delegate may then sign again', async () => {
    const c = await setUp();
    const first = await c.call('pledges.sign', {
      delegateId: c.id('001'),
      meetingId: null,
      textId: c.texts.pledge.id,
      signaturePngBase64: png().toString('base64'),
    });
    expect((await c.failure('pledges.withdraw', { pledgeId: first.id, reason: '  ' })).field).toBe('reason');
    const withdrawn = await c.call('pledges.withdraw', { pledgeId: first.id, reason: '签错了人' });
    expect(withdrawn.withdrawn).toMatchObject({ by: desk.operator, reason: '签错了人' });
    expect((await c.failure('pledges.withdraw', { pledgeId: first.id, reason: '再撤一次' })).code).toBe('conflict');
    expect((await c.call('pledges.summary', { meetingId: c.meetingId })).signed).toBe(0);

    const again = await c.call('pledges.sign', {
      delegateId: c.id('001'),
      meetingId: c.meetingId,
      textId: c.texts.pledge.id,
      signaturePngBase64: png().toString('base64'),
    });
    const history = await c.call('pledges.history', { delegateId: c.id('001') });
    expect(history.map((p) => [p.id, p.withdrawn?.reason ?? null])).toEqual([
      [first.id, '签错了人'],
      [again.id, null],
    ]);
    // The withdrawal's reason is in the audit log, and the file refuses to forget the pledge.
    const audit = await c.call('audit.list', { limit: 10, beforeId: null });
    expect(audit.find((a) => a.action === 'pledges.withdraw')!.payload).toContain('签错了人');
    const raw = rawDb(c.path);
    expect(() => raw.prepare('DELETE FROM pledges WHERE id = ?').run(first.id)).toThrow(/kept/);
    expect(() => raw.prepare("UPDATE pledges SET withdrawn_reason = 'x' WHERE id = ?").run(first.id)).toThrow(
      /only ever withdrawn/,
    );
    raw.close();
    expect(verifyAuditChain(rawDb(c.path)).ok).toBe(true);
  });
});
