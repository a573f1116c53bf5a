import { ApiOutlined, CloudServerOutlined, DisconnectOutlined, QrcodeOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LAN_DEFAULT_PORT, STATION_KINDS, type StationKind, shortFingerprint } from '../../../core/lan/protocol.js';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { type Translate, useT } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { TitledCard } from '../../components/TitledCard.js';
import { qrImage } from '../badges/codes.js';
import { Field } from '../operators/PinField.js';
import { useCan } from '../operators/station-store.js';
import { agoText, groupCode, kindLabel, timeLeft } from './format.js';
import {
  closeVenue,
  newCode,
  openVenue,
  revokeStation,
  type StationRow,
  useLink,
  useNow,
  useVenue,
  type VenueStatus,
} from './store.js';
import styles from './VenueScreen.module.css';

/**
 * 「局域网」 (the secretariat, on the host laptop): open the congress to the venue network on an
 * address of this laptop, show the station code (big, its kind, its countdown, the certificate's
 * fingerprint and a QR of both), list the paired stations and revoke one, and say how far the
 * copy off this laptop has reached.
 */
export function VenueScreen() {
  const t = useT();
  // A station's venue network is its host's: nothing of it is set here.
  const link = useLink();
  const station = link?.mode === 'station' || link?.mode === 'standby';
  const venue = useVenue(!station);
  const [error, setError] = useState<AppError | null>(null);
  const status = venue.data;
  const now = useNow();

  return (
    <div className={styles.screen} data-testid="venue-screen">
      <Typography.Title level={3}>{t('lan.venue.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('lan.venue.help')}</Typography.Paragraph>
      {station && (
        <Alert
          type="info"
          showIcon
          data-testid="venue-at-station"
          title={t('lan.venue.atStation', { address: link.host?.address ?? '', name: link.name ?? '' })}
        />
      )}
      {error && <ErrorAlert error={error} testId="venue-error" onClose={() => setError(null)} />}
      {venue.error && !status && !station && <ErrorAlert error={venue.error} testId="venue-load-error" />}
      {status && !station && !status.open && <OpenCard status={status} t={t} onError={setError} />}
      {status?.open && !station && (
        <>
          {/* The code beside what the people at a station compare it with: one screen at 1366×768. */}
          <div className={styles.grid}>
            <CodeCard status={status} now={now} t={t} onError={setError} />
            <div className={styles.column}>
              <OpenCard status={status} t={t} onError={setError} />
              <StandbyCard status={status} now={now} t={t} />
            </div>
          </div>
          <StationsCard status={status} now={now} t={t} onError={setError} />
        </>
      )}
    </div>
  );
}

function OpenCard(props: { status: VenueStatus; t: Translate; onError(e: AppError | null): void }) {
  const { status, t, onError } = props;
  const { modal } = App.useApp();
  const canOpen = useCan('lan.openVenue');
  const addresses = useCall('lan.addresses', status.open ? null : {});
  const [address, setAddress] = useState<string | null>(null);
  const [port, setPort] = useState<number>(LAN_DEFAULT_PORT);
  const [busy, setBusy] = useState(false);
  const options = useMemo(
    () => (addresses.data ?? []).map((a) => ({ value: a.address, label: `${a.address} (${a.name})` })),
    [addresses.data],
  );
  const chosen = address ?? options[0]?.value ?? null;

  const run = async (call: () => Promise<{ ok: boolean; error?: AppError }>) => {
    setBusy(true);
    onError(null);
    const r = await call();
    setBusy(false);
    if (!r.ok && r.error) onError(r.error);
  };

  if (status.open) {
    return (
      <TitledCard
        icon={<ApiOutlined />}
        title={t('lan.venue.openAt', { address: status.address ?? '', port: status.port ?? '' })}
        testId="venue-open"
      >
        <div className={styles.openRow}>
          <div>
            {status.fingerprint && (
              <div className={styles.fingerprint}>
                <Typography.Text type="secondary">{t('lan.venue.fingerprint')}</Typography.Text>
                <Fingerprint value={shortFingerprint(status.fingerprint)} size="medium" testId="venue-fingerprint" />
                <Typography.Text type="secondary" className={styles.hint}>
                  {t('lan.venue.fingerprint.help')}
                </Typography.Text>
              </div>
            )}
          </div>
          {canOpen && (
            <Button
              danger
              icon={<DisconnectOutlined />}
              loading={busy}
              data-testid="venue-close"
              onClick={() =>
                modal.confirm({
                  title: t('lan.venue.close'),
                  content: t('lan.venue.close.confirm'),
                  okText: t('common.ok'),
                  cancelText: t('common.cancel'),
                  onOk: () => run(closeVenue),
                })
              }
            >
              {t('lan.venue.close')}
            </Button>
          )}
        </div>
      </TitledCard>
    );
  }

  return (
    <TitledCard icon={<ApiOutlined />} title={t('lan.venue.closed')} testId="venue-closed">
      {addresses.error && <ErrorAlert error={addresses.error} />}
      {addresses.data && options.length === 0 && (
        <Alert type="warning" showIcon title={t('lan.venue.address.none')} data-testid="venue-no-address" />
      )}
      <Space wrap align="end" className={styles.openForm}>
        <Field id="venue-address" label={t('lan.venue.address')}>
          <Select
            id="venue-address"
            className={styles.addressSelect}
            data-testid="venue-address-select"
            aria-label={t('lan.venue.address')}
            placeholder={t('lan.venue.address.placeholder')}
            value={chosen}
            options={options}
            onChange={(v: string) => setAddress(v)}
            popupMatchSelectWidth={false}
          />
        </Field>
        <Field id="venue-port" label={t('lan.venue.port')}>
          <InputNumber
            id="venue-port"
            data-testid="venue-port"
            aria-label={t('lan.venue.port')}
            min={1024}
            max={65535}
            value={port}
            onChange={(v) => setPort(typeof v === 'number' ? v : LAN_DEFAULT_PORT)}
          />
        </Field>
        <Button
          type="primary"
          icon={<ApiOutlined />}
          loading={busy}
          disabled={!canOpen || chosen === null}
          data-testid="venue-open-submit"
          onClick={() => chosen !== null && void run(() => openVenue({ address: chosen, port }))}
        >
          {t('lan.venue.open')}
        </Button>
      </Space>
    </TitledCard>
  );
}

function CodeCard(props: { status: VenueStatus; now: number; t: Translate; onError(e: AppError | null): void }) {
  const { status, now, t, onError } = props;
  const canCode = useCan('lan.newCode');
  const [busy, setBusy] = useState<StationKind | null>(null);
  const code = status.code;
  const left = code ? timeLeft(code.expiresAt, now) : null;
  const qr = useMemo(() => (code ? qrImage(code.qr).src : null), [code]);

  const make = async (kind: StationKind) => {
    setBusy(kind);
    onError(null);
    const r = await newCode({ kind });
    setBusy(null);
    if (!r.ok) onError(r.error);
  };

  return (
    <TitledCard icon={<QrcodeOutlined />} title={t('lan.code.title')} testId="venue-code-card">
      {code && left !== null ? (
        <div className={styles.code} data-testid="venue-code" data-code={code.code} data-kind={code.kind}>
          <div>
            <div className={styles.codeDigits} translate="no">
              {groupCode(code.code)}
            </div>
            <div className={styles.codeFacts}>
              <Tag color="red" className={styles.kindTag}>
                {t('lan.code.for', { kind: kindLabel(code.kind, t) })}
              </Tag>
              <span data-testid="venue-code-expires">{t('lan.code.expires', { time: left })}</span>
            </div>
            <div className={styles.codeAddress}>
              {code.address}:{code.port}
            </div>
            <Fingerprint value={shortFingerprint(code.fingerprint)} size="medium" />
          </div>
          {qr && <img className={styles.qr} src={qr} alt={t('lan.code.qr')} data-testid="venue-code-qr" />}
        </div>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="venue-code-none">
          {code ? t('lan.code.expired') : t('lan.code.none')}
        </Typography.Paragraph>
      )}
      <Space wrap className={styles.kinds}>
        {STATION_KINDS.map((kind) => (
          <Button
            key={kind}
            type={code?.kind === kind && left !== null ? 'default' : 'dashed'}
            loading={busy === kind}
            disabled={!canCode || (busy !== null && busy !== kind)}
            data-testid={`venue-new-code-${kind}`}
            onClick={() => void make(kind)}
          >
            {t('lan.code.new', { kind: kindLabel(kind, t) })}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" className={styles.hint}>
        {t('lan.code.oneAtATime')}
      </Typography.Paragraph>
    </TitledCard>
  );
}

function StationsCard(props: { status: VenueStatus; now: number; t: Translate; onError(e: AppError | null): void }) {
  const { status, now, t, onError } = props;
  const { modal, message } = App.useApp();
  const canRevoke = useCan('lan.revoke');

  const revoke = (row: StationRow) =>
    modal.confirm({
      title: t('lan.stations.revoke'),
      content: t('lan.stations.revoke.confirm', { name: row.name }),
      okText: t('lan.stations.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        onError(null);
        const r = await revokeStation(row.id);
        if (r.ok) void message.success(t('lan.stations.revoke.done', { name: row.name }));
        else onError(r.error);
      },
    });

  return (
    <TitledCard icon={<TeamOutlined />} title={t('lan.stations.title')} testId="venue-stations-card">
      <DataTable<StationRow>
        testId="venue-stations"
        rowKey="id"
        dataSource={status.stations}
        emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lan.stations.empty')} />}
        row={(s) => ({
          testId: 'venue-station',
          data: { name: s.name, kind: s.kind, revoked: s.revokedAt !== null },
          className: s.revokedAt ? styles.revoked : undefined,
        })}
        columns={[
          { title: t('lan.stations.name'), dataIndex: 'name', render: (_, s) => <strong>{s.name}</strong> },
          { title: t('lan.stations.kind'), dataIndex: 'kind', render: (_, s) => kindLabel(s.kind, t) },
          { title: t('lan.stations.operator'), dataIndex: 'operator', render: (_, s) => s.operator ?? '—' },
          {
            title: t('lan.stations.lastSeen'),
            dataIndex: 'lastSeen',
            render: (_, s) => (
              <span title={s.address ?? undefined} data-testid="venue-station-seen">
                {agoText(s.lastSeen, now, t)}
              </span>
            ),
          },
          {
            title: t('lan.stations.waiting'),
            key: 'waiting',
            render: (_, s) =>
              s.queued + s.unsafe === 0 ? (
                '—'
              ) : (
                <span className={s.queued > 0 ? styles.waiting : undefined}>
                  {t('lan.stations.waiting.value', { queued: s.queued, unsafe: s.unsafe })}
                </span>
              ),
          },
          {
            title: t('lan.stations.pending'),
            key: 'pending',
            render: (_, s) =>
              s.pending.length === 0 ? (
                '—'
              ) : (
                <span className={styles.waiting} data-testid="venue-station-pending">
                  {s.pending
                    .map((p) => t('lan.stations.pending.round', { round: p.roundId, papers: p.papers }))
                    .join('; ')}
                </span>
              ),
          },
          {
            title: t('lan.stations.state'),
            key: 'state',
            render: (_, s) =>
              s.revokedAt ? (
                <Tag>{t('lan.stations.revoked')}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="green">{t('lan.stations.active')}</Tag>
                  {canRevoke && (
                    <Button size="small" danger data-testid="venue-station-revoke" onClick={() => revoke(s)}>
                      {t('lan.stations.revoke')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </TitledCard>
  );
}

function StandbyCard(props: { status: VenueStatus; now: number; t: Translate }) {
  const { status, now, t } = props;
  const { standby, safeSeq, headSeq } = status;
  const behind = Math.max(0, headSeq - safeSeq);
  return (
    <TitledCard icon={<CloudServerOutlined />} title={t('lan.standby.title')} testId="venue-standby">
      <Typography.Paragraph data-testid="venue-standby-copy">
        {standby
          ? standby.heldAt
            ? t('lan.standby.held', { name: standby.name, seq: standby.heldSeq, ago: agoText(standby.heldAt, now, t) })
            : t('lan.standby.notYet', { name: standby.name })
          : t('lan.standby.none')}
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="venue-safe" data-safe={safeSeq} data-head={headSeq}>
        {t('lan.safe.line', { safe: safeSeq, head: headSeq })}
        {' · '}
        <span className={behind > 0 ? styles.waiting : styles.safe}>
          {behind > 0 ? t('lan.safe.behind', { n: behind }) : t('lan.safe.all')}
        </span>
      </Typography.Paragraph>
    </TitledCard>
  );
}
