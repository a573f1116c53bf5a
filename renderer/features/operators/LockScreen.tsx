import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { RoleTag } from '../../components/Tags.js';
import { LinkBanner } from '../lan/LinkBanner.js';
import styles from './LockScreen.module.css';
import { Field, PinField } from './PinField.js';
import { useSession } from './session-store.js';
import { useStation } from './station-store.js';
import { activeOperators } from './store.js';

/**
 * The lock screen of a congress with operators: covers the whole window (the work behind it
 * stays as it was, out of reach) until an operator signs in with the PIN. Keys typed here never
 * reach the page behind (the count's sheet listens on the window).
 */
export function LockScreen() {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const pinInput = useRef<InputRef>(null);
  const congressName = useCongress((s) => s.file?.congress.name ?? '');
  // Kept up to date by the operators' change events: one added or disabled at another station.
  const list = useCall('operators.list', {}).data;
  const signingIn = useStation((s) => s.signingIn);
  const error = useStation((s) => s.signInError);
  const idleMinutes = useStation((s) => s.idleMinutes);
  const stationLabel = useSession((s) => s.stationLabel);
  const operators = useMemo(() => activeOperators(list), [list]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [station, setStation] = useState(stationLabel || t('operator.station.default'));

  useEffect(() => {
    useStation.getState().clearSignInError();
  }, []);

  // Keys pressed anywhere but here go nowhere: the page behind must not take them.
  useEffect(() => {
    const guard = (e: KeyboardEvent) => {
      if (root.current && e.target instanceof Node && root.current.contains(e.target)) return;
      e.stopImmediatePropagation();
      if (e.key !== 'Tab') e.preventDefault();
    };
    window.addEventListener('keydown', guard, true);
    return () => window.removeEventListener('keydown', guard, true);
  }, []);

  const choose = (id: number) => {
    setChosen(id);
    useStation.getState().clearSignInError();
    setTimeout(() => pinInput.current?.focus(), 0);
  };

  const submit = async () => {
    if (chosen === null || pin.length === 0 || signingIn) return;
    const label = station.trim() || t('operator.station.default');
    if (label !== useSession.getState().stationLabel) useSession.getState().setStationLabel(label);
    const ok = await useStation.getState().signIn(chosen, pin);
    if (!ok) {
      setPin('');
      setTimeout(() => pinInput.current?.focus(), 0);
    }
  };

  return (
    <div className={styles.screen} ref={root} data-testid="lock-screen" role="dialog" aria-modal="true">
      <div className={styles.card}>
        <LinkBanner compact />
        <div className={styles.head}>
          <LockOutlined className={styles.icon} />
          <div>
            <Typography.Title level={3} className={styles.title}>
              {t('lock.title')}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="lock-congress">
              {congressName}
            </Typography.Text>
          </div>
        </div>
        <Typography.Paragraph type="secondary">{t('lock.intro')}</Typography.Paragraph>
        <Typography.Text strong>{t('lock.operator')}</Typography.Text>
        {!list ? (
          <Spin />
        ) : operators.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('lock.operators.empty')}</Typography.Paragraph>
        ) : (
          <div className={styles.operators} data-testid="lock-operators">
            {operators.map((o) => (
              <button
                type="button"
                key={o.id}
                className={chosen === o.id ? `${styles.operator} ${styles.chosen}` : styles.operator}
                data-testid="lock-operator"
                data-name={o.name}
                aria-pressed={chosen === o.id}
                onClick={() => choose(o.id)}
              >
                <UserOutlined className={styles.operatorIcon} />
                <span className={styles.operatorName}>{o.name}</span>
                <RoleTag role={o.role} t={t} />
              </button>
            ))}
          </div>
        )}
        <div className={styles.form}>
          <PinField
            id="lock-pin"
            label={t('lock.pin')}
            inputRef={pinInput}
            value={pin}
            disabled={chosen === null}
            placeholder={chosen === null ? t('lock.pickFirst') : t('lock.pin.placeholder')}
            onChange={(digits) => {
              setPin(digits);
              if (error) useStation.getState().clearSignInError();
            }}
            onPressEnter={() => void submit()}
            testId="lock-pin"
          />
          <Field id="lock-station" label={t('lock.station')}>
            <Input
              id="lock-station"
              size="large"
              value={station}
              maxLength={40}
              onChange={(e) => setStation(e.target.value)}
              onPressEnter={() => void submit()}
              data-testid="lock-station"
            />
          </Field>
          <Button
            type="primary"
            size="large"
            loading={signingIn}
            disabled={chosen === null || pin.length === 0}
            onClick={() => void submit()}
            data-testid="lock-submit"
          >
            {t('lock.submit')}
          </Button>
        </div>
        {error && (
          <ErrorAlert
            error={error}
            className={styles.error}
            testId="lock-error"
            title={error.code === 'unauthorized' ? t('lock.error') : undefined}
          />
        )}
        <div className={styles.foot}>
          <Typography.Text type="secondary">{t('lock.idle', { n: idleMinutes })}</Typography.Text>
          <LanguageSwitch />
        </div>
      </div>
    </div>
  );
}
