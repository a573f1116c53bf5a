import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoCongress, DEMO_CONGRESS, generateDemoRoster } from '../../db/congress/demo.js';
import { makeBackend, tempDir } from './helpers.js';

describe('demo roster generator', () => {
  const roster = generateDemoRoster();

  it('is deterministic for a seed, and differs for another seed', () => {
    expect(generateDemoRoster()).toEqual(roster);
    expect(generateDemoRoster({ seed: 2 })).not.toEqual(roster);
  });

  it('looks like a township congress: 120 people, 110 voting, 4 候补, 6 列席, badges 001–120', () => {
    expect(roster).toHaveLength(120);
    const count = (c: string) => roster.filter((d) => d.category === c).length;
    expect([count('voting'), count('alternate'), count('nonvoting')]).toEqual([110, 4, 6]);
    expect(roster[0]!.badge).toBe('001');
    expect(roster[119]!.badge).toBe('120');
    expect(new Set(roster.map((d) => d.badge)).size).toBe(120);
    expect(new Set(roster.map((d) => d.name)).size).toBe(120);

    const delegations = new Set(roster.filter((d) => d.category === 'voting').map((d) => d.delegation));
    expect(delegations.size).toBeGreaterThanOrEqual(6);
    expect(delegations.size).toBeLessThanOrEqual(8);
    expect(delegations).toContain('机关代表团');
    expect(delegations).toContain('农村第一代表团');

    const women = roster.filter((d) => d.gender === 'female').length / roster.length;
    expect(women).toBeGreaterThan(0.2);
    expect(women).toBeLessThan(0.4);
    const ethnicities = new Set(roster.map((d) => d.ethnicity));
    expect(ethnicities).toContain('汉族');
    expect(ethnicities.size).toBeGreaterThan(1);
    expect(roster.filter((d) => d.ethnicity === '汉族').length).toBeGreaterThan(90);
    for (const d of roster) {
      const year = Number(d.birthDate!.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1962);
      expect(year).toBeLessThanOrEqual(2000);
      expect(d.name.length).toBeGreaterThanOrEqual(2);
      expect(d.name.length).toBeLessThanOrEqual(3);
      expect(['研究生', '大学', '大专', '中专', '高中及以下']).toContain(d.education);
      expect(d.unit).toBeTruthy();
    }
  });

  it('scales to 3,000 delegates with unique badges 0001–3000', () => {
    const big = generateDemoRoster({ size: 3000 });
    expect(big).toHaveLength(3000);
    expect(big[0]!.badge).toBe('0001');
    expect(new Set(big.map((d) => d.badge)).size).toBe(3000);
  });
});

describe('demo congress file', () => {
  it('opens with two meetings, the second current, and `zs` finds several delegates', async () => {
    const file = path.join(tempDir(), 'demo.congress');
    expect(createDemoCongress(file)).toEqual({ ok: true, value: { delegates: 120 } });
    const tb = makeBackend();
    const opened = await tb.call('congress.open', { path: file });
    expect(opened.congress).toMatchObject(DEMO_CONGRESS);
    const meetings = await tb.call('meetings.list', {});
    expect(meetings.map((m) => m.name)).toEqual(['预备会议', '第一次全体会议（选举大会）']);
    expect(opened.congress.currentMeetingId).toBe(meetings[1]!.id);

    const delegates = await tb.call('delegates.list', {});
    const zs = delegates.filter((d) => d.initials.startsWith('zs'));
    expect(zs.length).toBeGreaterThanOrEqual(4);
    expect(delegates.find((d) => d.name.startsWith('曾'))?.pinyin).toMatch(/^zeng/);
    expect(delegates.find((d) => d.name.startsWith('单'))?.pinyin).toMatch(/^shan/);

    const audit = await tb.call('audit.list', { limit: 100, beforeId: null });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'congress.create',
      'roster.import',
      'meetings.create',
      'meetings.create',
      'meetings.setCurrent',
      // The demo builder signs nothing: the first open records this laptop's key (db/audit/checkpoint.ts).
      'audit.key',
    ]);
    expect(await tb.call('audit.verify', {})).toEqual({
      ok: true,
      count: 6,
      firstBrokenId: null,
      tablesAgree: true,
      difference: null,
      anchor: expect.objectContaining({ anchorId: 1, problem: null }),
    });

    const summary = await tb.call('attendance.summary', { meetingId: meetings[1]!.id });
    expect(summary).toMatchObject({ due: 110, present: 0, quorum: { met: false, needed: 89 } });
  });

  it('builds a 3,000-delegate congress for the bench', () => {
    const file = path.join(tempDir(), 'big.congress');
    expect(createDemoCongress(file, { size: 3000 })).toEqual({ ok: true, value: { delegates: 3000 } });
  });

  it('refuses to overwrite an existing file', () => {
    const file = path.join(tempDir(), 'demo.congress');
    createDemoCongress(file);
    const again = createDemoCongress(file);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('file_exists');
  });
});
