import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CategoryTag } from '../../components/Tags.js';
import { formatTime } from '../../lib/paths.js';
import styles from './PledgeModal.module.css';
import { SignatureField, type SignatureFieldHandle } from './SignatureField.js';
import type { DelegateBrief, DisciplineText, Pledge } from './store.js';

export interface PledgeModalProps {
  /** The delegate who signs; the dialog is open while there is one. */
  delegate: DelegateBrief | null;
  /** The pledge text shown and signed (its id goes with the signature). */
  text: DisciplineText | null;
  /** The delegate's current pledge, when one is recorded (a refusal: they may still sign). */
  current?: Pledge | null;
  t: Translate;
  onSign(pngBase64: string): Promise<AppError | null>;
  onRefuse(note: string | null): Promise<AppError | null>;
  /** 稍后: nothing is recorded, the delegate is asked again later. */
  onSkip(): void;
  afterClose?(): void;
}

/**
 * 严肃换届纪律承诺书: the delegate reads the text on screen and signs with a mouse, a pen
 * or a finger; or refuses (recorded, with an optional note); or the clerk skips for now.
 */
export function PledgeModal(props: PledgeModalProps) {
  const { delegate, t } = props;
  return (
    <Modal
      open={delegate !== null}
      title={t('pledge.modal.title')}
      width={760}
      centered
      footer={null}
      mask={{ closable: false }}
      onCancel={props.onSkip}
      afterClose={props.afterClose}
      destroyOnHidden
      data-testid="pledge-modal"
    >
      {/* key: the next delegate in the queue starts with a blank pad */}
      {delegate && <PledgeBody key={delegate.id} {...props} delegate={delegate} />}
    </Modal>
  );
}

function PledgeBody(props: PledgeModalProps & { delegate: DelegateBrief }) {
  const { delegate: d, text, t } = props;
  const pad = useRef<SignatureFieldHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [mode, setMode] = useState<'sign' | 'refuse'>('sign');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const run = async (action: () => Promise<AppError | null>) => {
    setBusy(true);
    setError(null);
    const failed = await action();
    setBusy(false);
    setError(failed);
  };

  const sign = () =>
    run(async () => {
      const png = pad.current?.toPngBase64() ?? null;
      if (!png) return null;
      return props.onSign(png);
    });

  return (
    <div data-testid="pledge-body" data-delegate={d.id}>
      <div className={styles.who} data-testid="pledge-delegate">
        <span className={styles.name}>{d.name}</span>
        <span className={styles.badge}>{t('desk.badge', { badge: d.badge })}</span>
        {d.delegation && <span>{d.delegation}</span>}
        <CategoryTag category={d.category} t={t} />
      </div>
      {props.current?.status === 'refused' && (
        <Alert
          type="warning"
          showIcon
          className={styles.previous}
          title={t('pledge.modal.refusedBefore', { at: formatTime(props.current.at) })}
        />
      )}
      <div className={styles.text} data-testid="pledge-text">
        {text ? text.body : t('app.loading')}
      </div>
      {text && (
        <Typography.Text type="secondary" className={styles.version} data-testid="pledge-text-version">
          {t('discipline.text.version', { version: text.version })}
        </Typography.Text>
      )}
      {error && <ErrorAlert error={error} testId="pledge-error" />}
      {mode === 'sign' ? (
        <>
          <div className={styles.signLabel}>{t('pledge.modal.signHere', { name: d.name })}</div>
          <SignatureField ref={pad} t={t} disabled={busy} onChange={setEmpty} />
          <div className={styles.actions}>
            <Button danger onClick={() => setMode('refuse')} disabled={busy} data-testid="pledge-refuse">
              {t('pledge.action.refuse')}
            </Button>
            <Space>
              <Button onClick={props.onSkip} disabled={busy} data-testid="pledge-skip">
                {t('pledge.action.skip')}
              </Button>
              <Button
                type="primary"
                size="large"
                loading={busy}
                disabled={empty || !text}
                onClick={() => void sign()}
                data-testid="pledge-sign"
              >
                {t('pledge.action.sign')}
              </Button>
            </Space>
          </div>
        </>
      ) : (
        <div className={styles.refuse} data-testid="pledge-refuse-form">
          <Typography.Paragraph strong>{t('pledge.refuse.confirm', { name: d.name })}</Typography.Paragraph>
          <Input
            autoFocus
            value={note}
            maxLength={200}
            placeholder={t('pledge.refuse.note.placeholder')}
            onChange={(e) => setNote(e.target.value)}
            data-testid="pledge-refuse-note"
          />
          <div className={styles.actions}>
            <Button onClick={() => setMode('sign')} disabled={busy} data-testid="pledge-refuse-back">
              {t('pledge.refuse.back')}
            </Button>
            <Button
              danger
              type="primary"
              loading={busy}
              disabled={!text}
              onClick={() => void run(() => props.onRefuse(note.trim() || null))}
              data-testid="pledge-refuse-submit"
            >
              {t('pledge.refuse.submit')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
