/** Officials of a contest (rule 13): 总监票人, 监票人 and 计票人, who may be one and when they may be removed. */
import { describe, expect, it } from 'vitest';
import { appointment, election } from './election-setup.js';
import { dumpTables } from './helpers.js';

describe('officials of a contest (rule 13)', () => {
  it('appoints the 总监票人 and 监票人 from voters who do not stand, and 计票人 by any name', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const id = (badge: string) => e.ids.get(badge)!;
    const appoint = (role: 'chief_scrutineer' | 'scrutineer' | 'counter', delegateId: number | null, extra = {}) =>
      e.call('officials.appoint', {
        contestId: e.contest.id,
        role,
        delegateId,
        approval: '经大会表决通过',
        ...extra,
      });
    const counter = await appoint('counter', null, { name: '工作人员赵一', approval: null });
    const scrutineer = await appoint('scrutineer', id('002'));
    const head = await appoint('chief_scrutineer', id('001'));
    expect(head).toMatchObject({
      role: 'chief_scrutineer',
      name: '代表1',
      delegateId: id('001'),
      approval: '经大会表决通过',
    });
    expect(counter).toMatchObject({ role: 'counter', delegateId: null, name: '工作人员赵一', approval: null });
    const list = await e.call('officials.list', { contestId: e.contest.id });
    expect(list.map((o) => o.id)).toEqual([head.id, scrutineer.id, counter.id]);

    const before = dumpTables(e.path);
    // A second 总监票人, someone appointed twice, a non-voter, an alternate, no approval, no delegate.
    expect(
      await e.failure('officials.appoint', appointment(e.contest.id, 'chief_scrutineer', id('003'))),
    ).toMatchObject({ reason: 'officials.chief_exists', params: { name: '代表1' } });
    expect(await e.failure('officials.appoint', appointment(e.contest.id, 'scrutineer', id('002')))).toMatchObject({
      reason: 'officials.already_official',
    });
    expect(await e.failure('officials.appoint', appointment(e.contest.id, 'scrutineer', id('L01')))).toMatchObject({
      code: 'conflict',
      reason: 'officials.not_voter',
      params: { name: '列席甲' },
      field: 'delegateId',
    });
    expect(await e.failure('officials.appoint', appointment(e.contest.id, 'scrutineer', id('H01')))).toMatchObject({
      reason: 'officials.not_voter',
      params: { name: '候补乙' },
    });
    expect(
      await e.failure('officials.appoint', appointment(e.contest.id, 'scrutineer', id('004'), null)),
    ).toMatchObject({ reason: 'officials.approval_required', field: 'approval' });
    expect(
      await e.failure('officials.appoint', {
        contestId: e.contest.id,
        role: 'scrutineer',
        delegateId: null,
        name: '某人',
        approval: '经大会表决通过',
      }),
    ).toMatchObject({ reason: 'officials.delegate_required' });
    expect(dumpTables(e.path)).toEqual(before);
  });

  it('a candidate of the contest is no scrutineer of it, and a scrutineer cannot become its candidate', async () => {
    const e = await election({ voters: 10, seats: 2, approve: false });
    const five = e.ids.get('005')!;
    await e.call('candidates.add', {
      contestId: e.contest.id,
      delegateId: five,
      name: '代表5',
      gender: null,
      birthDate: null,
      ethnicity: null,
      education: null,
      unit: null,
    });
    expect(await e.failure('officials.appoint', appointment(e.contest.id, 'scrutineer', five))).toMatchObject({
      code: 'conflict',
      reason: 'officials.is_candidate',
      params: { name: '代表5', contest: '党委委员' },
    });
    // A typed-in candidate of the same name counts as standing too.
    await e.call('candidates.add', {
      contestId: e.contest.id,
      delegateId: null,
      name: '代表 6',
      gender: null,
      birthDate: null,
      ethnicity: null,
      education: null,
      unit: null,
    });
    expect(
      await e.failure('officials.appoint', appointment(e.contest.id, 'scrutineer', e.ids.get('006')!)),
    ).toMatchObject({ reason: 'officials.is_candidate', params: { name: '代表6' } });

    const seven = e.ids.get('007')!;
    await e.call('officials.appoint', appointment(e.contest.id, 'scrutineer', seven));
    expect(
      await e.failure('candidates.add', {
        contestId: e.contest.id,
        delegateId: seven,
        name: '代表7',
        gender: null,
        birthDate: null,
        ethnicity: null,
        education: null,
        unit: null,
      }),
    ).toMatchObject({ reason: 'officials.candidate_is_scrutineer', params: { name: '代表7' } });
    // A counter may stand: rule 13 speaks of scrutineers.
    const eight = e.ids.get('008')!;
    await e.call('officials.appoint', { contestId: e.contest.id, role: 'counter', delegateId: eight, approval: null });
  });

  it('are removed only before the first distribution', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const a = await e.call('officials.appoint', appointment(e.contest.id, 'scrutineer', e.ids.get('001')!));
    const b = await e.call('officials.appoint', appointment(e.contest.id, 'scrutineer', e.ids.get('002')!));
    await e.call('officials.remove', { officialId: a.id });
    expect((await e.call('officials.list', { contestId: e.contest.id })).map((o) => o.id)).toEqual([b.id]);
    await e.distribute();
    expect(await e.failure('officials.remove', { officialId: b.id })).toMatchObject({
      code: 'conflict',
      reason: 'officials.locked',
    });
    expect(await e.failure('officials.remove', { officialId: 999 })).toMatchObject({
      code: 'not_found',
      reason: 'officials.not_found',
    });
    // Appointing still works while the contest is being voted on (a replacement the meeting approved).
    await e.call('officials.appoint', {
      contestId: e.contest.id,
      role: 'counter',
      delegateId: null,
      name: '工作人员钱二',
      approval: null,
    });
  });
});
