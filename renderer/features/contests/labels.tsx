import { Tag } from 'antd';
import type { PaperMark } from '../../../core/election-types.js';
import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

/** The paper's own symbols: ○, ×, and an empty cell for no mark. */
export const MARK_SYMBOL: Record<PaperMark, string> = { circle: '○', cross: '×', none: '' };

const CONTEST_STATUS_COLOR = { setup: 'default', voting: 'processing', closed: 'success' } as const;
const ROUND_STATUS_COLOR = { setup: 'default', voting: 'processing', void: 'error', closed: 'success' } as const;

export function ContestStatusTag(props: { status: keyof typeof CONTEST_STATUS_COLOR; t: Translate }) {
  return (
    <Tag color={CONTEST_STATUS_COLOR[props.status]} data-testid={`contest-status-${props.status}`}>
      {props.t(`contest.status.${props.status}` as MessageKey)}
    </Tag>
  );
}

export function RoundStatusTag(props: { status: keyof typeof ROUND_STATUS_COLOR; t: Translate }) {
  return (
    <Tag color={ROUND_STATUS_COLOR[props.status]} data-testid={`round-status-${props.status}`}>
      {props.t(`round.status.${props.status}` as MessageKey)}
    </Tag>
  );
}

/** 第 N 轮 · 另行选举 */
export function roundLabel(t: Translate, round: { number: number; kind: string }): string {
  return t('round.label', { n: round.number, kind: t(`round.kind.${round.kind}` as MessageKey) });
}

/** A ballot's marks in one line: ○○×○ ○ · 张三○ */
export function marksLine(marks: readonly PaperMark[], writeIns: readonly { name: string; mark: PaperMark }[]): string {
  const cells = marks.map((m) => MARK_SYMBOL[m] || '·').join('');
  const extra = writeIns.map((w) => `${w.name}${MARK_SYMBOL[w.mark] || '·'}`).join(' ');
  return extra ? `${cells}  +${extra}` : cells;
}
