/**
 * Issue 12 item 5, the paper's second line of defence: a roster name carrying U+202E (RLO), from
 * a file imported before the import refused it, turned the printed 缺席 line around
 * (甲一、乙二戊、四丁、三丙、五). Each name of a joined list is now its own <bdi>, so the override
 * ends with that name; name cells are isolated by the paper's CSS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  type AttendanceSummary,
  type Congress,
  type Delegate,
  type Meeting,
  namedDelegate,
} from '../../../core/domain.js';
import { NameList, NamesIn } from '../../components/NameList.js';
import { type MessageKey, zhCN } from '../../i18n/zh-CN.js';
import { AttendanceForm } from './AttendanceForm.js';

const t = (key: MessageKey, params?: Record<string, string | number>): string =>
  (zhCN[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && Object.hasOwn(params, name) ? String(params[name]) : whole,
  );

const delegate = (id: number, name: string): Delegate => ({
  ...namedDelegate(String(id).padStart(3, '0'), name),
  id,
  pinyin: '',
  initials: '',
});

const ABSENT = ['甲一', '乙二\u202e戊', '三丙', '四丁', '五'];

function attendanceMarkup(): string {
  const delegates = [delegate(1, '到会甲'), ...ABSENT.map((name, i) => delegate(i + 2, name))];
  const summary = {
    meetingId: 1,
    electorate: 'delegates',
    due: 6,
    present: 1,
    leave: 0,
    absent: 5,
    markedAbsent: 0,
    nonvotingPresent: 0,
    alternatePresent: 0,
    quorum: { met: false, allowEqual: false },
    byDelegation: [],
    memberIds: null,
    exclusions: [],
  } as unknown as AttendanceSummary;
  const data = {
    congress: { name: '青山镇第十五次代表大会', venue: '礼堂' } as unknown as Congress,
    meeting: { id: 1, name: '选举大会', date: '2026-03-20' } as unknown as Meeting,
    summary,
    records: [{ delegateId: 1, status: 'present' }] as never,
    delegates,
    seal: null,
    printedAt: '2026-03-20 10:00',
  };
  return renderToStaticMarkup(<AttendanceForm data={data} t={t as never} />);
}

describe('the printed attendance form with an RLO in one roster name', () => {
  it('prints 缺席 甲一、乙二\\u202e戊、三丙、四丁、五 with each name its own <bdi>, so the override ends at 乙二戊', () => {
    const html = attendanceMarkup();
    const absent = /<tr data-testid="report-absent">.*?<\/tr>/s.exec(html)?.[0] ?? '';
    expect(absent).toContain(ABSENT.map((n) => `<bdi>${n}</bdi>`).join('、'));
    // The separators stay outside every isolate: the list order is the reading order.
    expect(absent).not.toMatch(/<bdi>[^<]*、/);
  });

  it('NameList: none for an empty list, one <bdi> per item, the separator between', () => {
    expect(renderToStaticMarkup(<NameList items={[]} separator="、" none="无" />)).toBe('无');
    expect(renderToStaticMarkup(<NameList items={['张三', '张三']} separator="、" none="无" />)).toBe(
      '<bdi>张三</bdi>、<bdi>张三</bdi>',
    );
  });

  it('NamesIn: the count form’s 当选 sentence with each elected name isolated, the sentence around them as translated', () => {
    const html = renderToStaticMarkup(
      <NamesIn
        sentence={(names) => t('countForm.elected', { n: 2, names })}
        items={['乙二\u202e戊(8 票)', '三丙(7 票)']}
        separator="、"
      />,
    );
    expect(html).toBe('当选 2 名(按得票多少为序):<bdi>乙二\u202e戊(8 票)</bdi>、<bdi>三丙(7 票)</bdi>。');
    expect(html).not.toContain('\u0000');
  });

  it('the paper isolates name cells and name lists in its CSS as well', () => {
    const css = fs.readFileSync(path.join(import.meta.dirname, '../../components/print/Paper.module.css'), 'utf8');
    expect(/\.names \{[^}]*unicode-bidi: isolate;/.test(css)).toBe(true);
    expect(/\.grid \.cellName \{[^}]*unicode-bidi: isolate;/.test(css)).toBe(true);
  });
});
