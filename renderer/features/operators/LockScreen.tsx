import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input, type InputRef, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { RoleTag } from '../../components/Tags.js';
import { errorTitleKey, useErrorText } from '../../lib/errors.js';
import { pinDigits } from './pin.js';
import { useSession } from './session-store.js';
import { useStation } from './station-store.js';
import { useOperators } from './store.js';

/**
 * The lock screen of a congress with operators: covers the whole window (the work behind it
 * stays as it was, out of reach) until an operator signs in with the PIN. Keys typed here never
 * reach the page behind (the count's sheet listens on the window).
 */
export function LockScreen() {
  const t = useT();
  const errorText = useErrorText();
  const root = useRef<HTMLDivElement>(null);
  const pinInput = useRef<InputRef>(null);
  const congressName = useCongress((s) => s.file?.congress.name ?? '');
  const list = useOperators((s) => s.list);
  const loaded = useOperators((s) => s.loaded);
  const signingIn = useStation((s) => s.signingIn);
  const error = useStation((s) => s.signInError);
  const idleMinutes = useStation((s) => s.idleMinutes);
  const stationLabel = useSession((s) => s.stationLabel);
  const operators = useMemo(() => list.filter((o) => !o.disabled), [list]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [station, setStation] = useState(stationLabel || t('operator.station.default'));

  useEffect(() => {
    void useOperators.getState().refresh();
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
    <div className="lock-screen" ref={root} data-testid="lock-screen" role="dialog" aria-modal="true">
      <div className="lock-card">
        <div className="lock-head">
          <LockOutlined className="lock-icon" />
          <div>
            <Typography.Title level={3} className="lock-title">
              {t('lock.title')}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="lock-congress">
              {congressName}
            </Typography.Text>
          </div>
        </div>
        <Typography.Paragraph type="secondary">{t('lock.intro')}</Typography.Paragraph>
        <Typography.Text strong>{t('lock.operator')}</Typography.Text>
        {!loaded ? (
          <Spin />
        ) : operators.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('lock.operators.empty')}</Typography.Paragraph>
        ) : (
          <div className="lock-operators" data-testid="lock-operators">
            {operators.map((o) => (
              <button
                type="button"
                key={o.id}
                className={`lock-operator${chosen === o.id ? ' lock-operator-chosen' : ''}`}
                data-testid="lock-operator"
                data-name={o.name}
                aria-pressed={chosen === o.id}
                onClick={() => choose(o.id)}
              >
                <UserOutlined className="lock-operator-icon" />
                <span className="lock-operator-name">{o.name}</span>
                <RoleTag role={o.role} t={t} />
              </button>
            ))}
          </div>
        )}
        <div className="lock-form">
          <div className="lock-field lock-field-pin">
            <label htmlFor="lock-pin">{t('lock.pin')}</label>
            <Input.Password
              id="lock-pin"
              ref={pinInput}
              size="large"
              value={pin}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              disabled={chosen === null}
              placeholder={chosen === null ? t('lock.pickFirst') : t('lock.pin.placeholder')}
              onChange={(e) => {
                setPin(pinDigits(e.target.value));
                if (error) useStation.getState().clearSignInError();
              }}
              onPressEnter={() => void submit()}
              data-testid="lock-pin"
            />
          </div>
          <div className="lock-field lock-field-station">
            <label htmlFor="lock-station">{t('lock.station')}</label>
            <Input
              id="lock-station"
              size="large"
              value={station}
              maxLength={40}
              onChange={(e) => setStation(e.target.value)}
              onPressEnter={() => void submit()}
              data-testid="lock-station"
            />
          </div>
          <Button
            type="primary"
            size="large"
            className="lock-submit"
            loading={signingIn}
            disabled={chosen === null || pin.length === 0}
            onClick={() => void submit()}
            data-testid="lock-submit"
          >
            {t('lock.submit')}
          </Button>
        </div>
        {error && (
          <Alert
            type="error"
            showIcon
            className="lock-error"
            data-testid="lock-error"
            title={error.code === 'unauthorized' ? t('lock.error') : t(errorTitleKey(error))}
            description={errorText(error)}
          />
        )}
        <div className="lock-foot">
          <Typography.Text type="secondary">{t('lock.idle', { n: idleMinutes })}</Typography.Text>
          <LanguageSwitch />
        </div>
      </div>
    </div>
  );
}
