/**
 * Issue 15 item 2: the audit log was raw channel codes (`ballots.enter`) and raw JSON. Every
 * action a row can carry has a sentence and a label in both languages, with the same
 * placeholders; the actions are found in db/ itself, so a new row written by name, or a new
 * write channel, fails here until it has its sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionsOfKinds, kindOf } from '../../core/audit/kinds.js';
import { actionLabel, auditSentence, auditSentenceCatalogues } from '../../core/audit/sentences.js';
import { channels, contract } from '../../core/contract.js';
import { AUDIT_KINDS, type AuditNames } from '../../core/model/audit.js';
import { handlers } from '../../db/handlers.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return d.name.endsWith('.ts') ? [full] : [];
  });
}

/** The actions db/ appends by name: `action: '…'`, `auditEntry('…'`, `…_ACTION = '…'`. */
function actionsNamedInDb(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(path.resolve('db'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:action: |auditEntry\(|_ACTION = )'([a-z]+\.[A-Za-z_.]+)'/g)) found.add(m[1]!);
  }
  return [...found];
}

const names: AuditNames = {
  meetings: { 1: '选举大会' },
  contests: { 3: '党委委员' },
  rounds: { 7: { contestId: 3, number: 1 } },
  delegates: { 11: { name: '张三', badge: '011' } },
  candidates: {},
  officials: {},
  operators: { 钱计票: 'counter', 孙报到: 'clerk', 赵总监: 'chief_scrutineer' },
  operatorIds: {},
  oaths: {},
  pledges: {},
  exclusions: {},
};

const ballotRow = {
  operator: '钱计票',
  station: '计票1',
  action: 'ballots.enter',
  payload: JSON.stringify({
    after: {
      roundId: 7,
      seq: 37,
      marks: ['circle', 'circle', 'circle', 'circle', 'circle', 'circle', 'circle', 'cross', 'cross'],
      writeIns: [],
      state: 'counted',
      entry: null,
    },
  }),
  changes: null,
};

describe('audit sentences (issue 15 item 2)', () => {
  it('every write channel and every action db/ appends by name has a label and a sentence in zh-CN and English, with the same placeholders', () => {
    const writes = channels.filter((c) => contract[c].write);
    const staged = writes.filter((c) => 'staged' in (handlers[c] as object)).map((c) => `${c}.withdrawn`);
    const named = actionsNamedInDb();
    // The scan itself finds what it should: a row written by name (a wrong PIN), and the chain's rows.
    expect(named).toEqual(
      expect.arrayContaining(['station.signIn_failed', 'chief.confirm_failed', 'audit.checkpoint', 'audit.baseline']),
    );
    for (const action of [...writes, ...staged, ...named, 'congress.backup.withdrawn']) {
      expect(AUDIT_ACTIONS, action).toContain(action);
      for (const language of ['zh-CN', 'en'] as const) {
        const entry = (
          auditSentenceCatalogues[language].actions as Record<string, { label: string; sentence: string }>
        )[action];
        expect(entry?.sentence, `${action} in ${language}`).toBeTruthy();
        expect(entry?.label, `${action} label in ${language}`).toBeTruthy();
      }
    }
    for (const action of AUDIT_ACTIONS) {
      const zh = (auditSentenceCatalogues['zh-CN'].actions as Record<string, { sentence: string }>)[action]!;
      const en = (auditSentenceCatalogues.en.actions as Record<string, { sentence: string }>)[action]!;
      expect(placeholders(en.sentence), action).toEqual(placeholders(zh.sentence));
    }
    // No sentence for an action nothing writes.
    expect(Object.keys(auditSentenceCatalogues['zh-CN'].actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('a counter’s ballot reads 「计票人 钱计票 录入第 37 张选票(党委委员 第 1 轮):○○○○○○○××」, and in English', () => {
    expect(auditSentence(ballotRow, names, 'zh-CN')).toBe('计票人 钱计票 录入第 37 张选票(党委委员 第 1 轮):○○○○○○○××');
    expect(auditSentence(ballotRow, names, 'en')).toBe(
      'Vote counter 钱计票 entered ballot No. 37 (党委委员, round 1): ○○○○○○○××',
    );
  });

  it('a check-in by badge names the delegate its attendance row changed: 「报到员 孙报到 为 张三 办理报到(选举大会)」', () => {
    const row = {
      operator: '孙报到',
      station: '报到处1',
      action: 'attendance.checkInByBadge',
      payload: JSON.stringify({ badge: '011', meetingId: 1 }),
      changes: JSON.stringify([['attendance', [1, 11], { meeting_id: 1, delegate_id: 11, status: 'present' }]]),
    };
    expect(auditSentence(row, names, 'zh-CN')).toBe('报到员 孙报到 为 张三 办理报到(选举大会)');
    expect(auditSentence(row, names, 'en')).toBe('Check-in clerk 孙报到 checked in 张三 (选举大会)');
  });

  it('the chief closing a round, a void round with its reason, a wrong PIN: each says who, what and why', () => {
    const close = {
      operator: '赵总监',
      station: '计票1(钱计票登录)',
      action: 'rounds.close',
      payload: '{"roundId":7}',
      changes: null,
    };
    expect(auditSentence(close, names, 'zh-CN')).toBe('总监票人 赵总监 关闭第 1 轮(党委委员)');
    const voided = { ...close, action: 'rounds.declareVoid', payload: '{"roundId":7,"reason":"收回票数多于发出"}' };
    expect(auditSentence(voided, names, 'zh-CN')).toBe(
      '总监票人 赵总监 宣布第 1 轮(党委委员)无效。理由:收回票数多于发出',
    );
    const wrong = {
      operator: '孙报到',
      station: '报到处1',
      action: 'station.signIn_failed',
      payload: '{"operatorId":2,"name":"孙报到","failures":2,"waitSeconds":30}',
      changes: null,
    };
    expect(auditSentence(wrong, names, 'en')).toBe(
      'Check-in clerk 孙报到 typed a wrong PIN signing in at the station 报到处1 (2 in a row); 30 s to wait before the next try',
    );
    expect(auditSentence({ ...wrong, payload: '{"failures":1,"waitSeconds":0}' }, names, 'zh-CN')).toBe(
      '报到员 孙报到 登录工作站 报到处1 时 PIN 错误(连续第 1 次)',
    );
  });

  it('a corrected paper is said by its number in the stack (no), not by the record’s seq (issue 15 item 7: 「paper No. 111 of 110」)', () => {
    const corrected = {
      ...ballotRow,
      action: 'ballots.correct',
      payload: JSON.stringify({
        before: { roundId: 7, seq: 37, no: 37, marks: ['circle', 'cross'] },
        after: { roundId: 7, seq: 111, no: 37, marks: ['cross', 'circle'] },
        reason: '录错',
      }),
    };
    expect(auditSentence(corrected, names, 'zh-CN')).toBe(
      '计票人 钱计票 更正第 37 张选票(党委委员 第 1 轮):○× → ×○。理由:录错',
    );
  });

  it('an id the file no longer names is said as #id, an unknown action as its code, never a template', () => {
    const gone = { ...ballotRow, payload: JSON.stringify({ after: { roundId: 99, seq: 1, marks: ['none'] } }) };
    expect(auditSentence(gone, names, 'zh-CN')).toBe('计票人 钱计票 录入第 1 张选票(#99 第 ? 轮):□');
    const odd = { ...ballotRow, action: 'ballots.teleport', payload: '{}' };
    expect(auditSentence(odd, names, 'en')).toBe('Vote counter 钱计票 made ballots.teleport');
    expect(actionLabel('ballots.teleport', 'zh-CN')).toBe('ballots.teleport');
  });

  it('every action has a kind, and the kinds together are every action', () => {
    expect(actionsOfKinds([...AUDIT_KINDS]).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(kindOf('ballots.enter')).toBe('ballots');
    expect(kindOf('station.signIn_failed')).toBe('operators');
    expect(kindOf('result.export')).toBe('files');
    expect(kindOf('attendance.checkInByBadge')).toBe('attendance');
    for (const kind of AUDIT_KINDS) expect(actionsOfKinds([kind]).length, kind).toBeGreaterThan(0);
  });
});
