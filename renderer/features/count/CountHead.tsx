import { ArrowLeftOutlined, FundProjectionScreenOutlined, ScanOutlined } from '@ant-design/icons';
import { Button, InputNumber, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { roundLabel } from '../contests/labels.js';
import { openTallyWindow } from './board.js';
import styles from './CountScreen.module.css';
import type { DefaultMark } from './preferences.js';
import { useSheet } from './sheet.js';
import type { Contest, Round } from './types.js';

/** A segmented choice leaves the focus where the sheet's keys reach it again. */
const blurActive = () => (document.activeElement as HTMLElement | null)?.blur();

/** The head of the entry screen: changes per ballot, not per key, so it is memoised. */
export const CountHead = memo(function CountHead(props: {
  contest: Contest;
  round: Round;
  entered: number;
  inStack: number;
  pending: boolean;
  stack: number;
  entry: 1 | 2;
  defaultMark: DefaultMark;
}) {
  const t = useT();
  const navigate = useRoute((x) => x.navigate);
  const { contest, round, entered, inStack, pending, stack, entry, defaultMark } = props;
  const full = round.collected !== null && entered >= round.collected;
  return (
    <div className={styles.countHead}>
      <Space>
        <Button
          icon={<ArrowLeftOutlined />}
          data-testid="count-back"
          onClick={() => navigate('contests', { contest: String(contest.id) })}
        >
          {contest.title}
        </Button>
        <Typography.Text strong>{roundLabel(t, round)}</Typography.Text>
        <Tag>{t('count.seats', { n: round.seats })}</Tag>
      </Space>
      <div
        className={`${styles.countProgress}${full ? ` ${styles.countProgressFull}` : ''}`}
        data-testid="count-progress"
        data-full={full}
      >
        {t('count.progress', { entered, collected: round.collected ?? '–' })}
        {pending && <Spin size="small" />}
      </div>
      <Space>
        {contest.doubleEntry && (
          <>
            <Typography.Text>{t('count.stack')}</Typography.Text>
            <InputNumber
              min={1}
              precision={0}
              value={stack}
              onChange={(v) => typeof v === 'number' && useSheet.getState().setStack(v)}
              onPressEnter={(e) => (e.target as HTMLElement).blur()}
              data-testid="count-stack"
              style={{ width: 72 }}
            />
            <Segmented
              value={entry}
              onChange={(v) => {
                useSheet.getState().setEntry(v as 1 | 2);
                blurActive();
              }}
              options={[
                { value: 1, label: t('count.entry.first') },
                { value: 2, label: t('count.entry.second') },
              ]}
              data-testid="count-entry"
            />
            <Typography.Text type="secondary">{t('count.stack.position', { n: inStack + 1 })}</Typography.Text>
          </>
        )}
        <Typography.Text type="secondary">{t('count.default')}</Typography.Text>
        <Segmented
          value={defaultMark}
          onChange={(v) => {
            useSheet.getState().setDefaultMark(v as DefaultMark);
            blurActive();
          }}
          options={[
            { value: 'circle', label: t('count.default.circle') },
            { value: 'none', label: t('count.default.none') },
          ]}
          data-testid="count-default"
        />
        {/* Issue 13: the papers of this round read from scans, confirmed one by one. */}
        <Button
          icon={<ScanOutlined />}
          data-testid="count-open-scan"
          onClick={() => navigate('scan', { round: String(round.id) })}
        >
          {t('scan.open')}
        </Button>
        <Button
          icon={<FundProjectionScreenOutlined />}
          aria-label={t('round.openTally')}
          data-testid="count-open-tally"
          onClick={() => openTallyWindow(contest.id)}
        />
      </Space>
    </div>
  );
});
