import { ArrowUpOutlined, FileOutlined, FolderOutlined, HddOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Input, Modal, Space, Spin, Typography } from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../core/result.js';
import { listPlaces, type PickerEntry, type PlacesListing } from '../api/places.js';
import { useT } from '../app/language.js';
import { baseName, directoryOf, formatBytes, formatTime, joinPath } from '../lib/paths.js';
import { ErrorAlert } from './ErrorAlert.js';
import styles from './PlacePicker.module.css';
import { type PickRequest, usePicker } from './pick-path.js';

/** The folder the last picker showed: the next one without a suggestion starts there. */
let lastFolder: string | null = null;

/**
 * The browser's file and folder picker (issue 15 item 4), mounted once (App): the places a write
 * may go into, then their folders, as the loopback host lists them (electron/host/picker.ts).
 * `pickPath` (./pick-path.ts) opens it; on the desktop the system's dialogs answer instead.
 */
export function PlacePicker() {
  const request = usePicker((s) => s.request);
  const serial = usePicker((s) => s.serial);
  return request ? <PickerDialog key={serial} request={request} /> : null;
}

const extensionsOf = (request: PickRequest) =>
  (request.extensions ?? []).map((e) => e.replace(/^\./, '').toLowerCase()).filter(Boolean);

/** The folders of `listing` from its place down, each with its path, for the breadcrumb. */
function crumbsOf(listing: PlacesListing): { label: string; path: string }[] {
  const { dir, place } = listing;
  if (!dir || !place) return [];
  const sep = place.includes('\\') && !place.includes('/') ? '\\' : '/';
  const crumbs = [{ label: place, path: place }];
  let at = place;
  for (const part of dir.slice(place.length).split(sep).filter(Boolean)) {
    at = joinPath(at, part);
    crumbs.push({ label: part, path: at });
  }
  return crumbs;
}

const validName = (name: string) => name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);

function PickerDialog(props: { request: PickRequest }) {
  const { request } = props;
  const { mode } = request;
  const t = useT();
  const finish = usePicker((s) => s.finish);
  const [listing, setListing] = useState<PlacesListing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<AppError | null>(null);
  const [selected, setSelected] = useState(-1);
  const [name, setName] = useState(mode === 'save' && request.suggested ? baseName(request.suggested) : '');
  const list = useRef<HTMLDivElement>(null);
  const extensions = extensionsOf(request);

  // `quiet`: where the picker starts (a suggested folder outside the places, one since removed)
  // falls back to the places without an error.
  const go = useCallback(async (dir: string | null, quiet = false) => {
    setLoading(true);
    const r = await listPlaces(dir);
    setLoading(false);
    if (r.ok) {
      setListing(r.value);
      setSelected(-1);
      setError(null);
      lastFolder = r.value.dir;
      list.current?.focus();
    } else if (quiet && dir !== null) {
      await go(null);
    } else setError(r.error);
  }, []);

  useEffect(() => {
    const start = request.suggested ? (mode === 'save' ? directoryOf(request.suggested) : request.suggested) : null;
    void go(start || lastFolder, true);
  }, [go, mode, request.suggested]);

  const shown = (listing?.entries ?? []).filter(
    (e) =>
      e.kind === 'folder' ||
      (mode !== 'folder' &&
        (extensions.length === 0 || extensions.some((x) => e.name.toLowerCase().endsWith(`.${x}`)))),
  );
  const current = selected >= 0 ? shown[selected] : undefined;

  // A name typed without the extension gets the first one (结果 → 结果.json).
  const trimmed = name.trim();
  const fileName =
    extensions.length > 0 && !extensions.some((x) => trimmed.toLowerCase().endsWith(`.${x}`))
      ? `${trimmed}.${extensions[0]}`
      : trimmed;
  const dir = listing?.dir ?? null;
  const target =
    mode === 'open'
      ? current?.kind === 'file'
        ? current.path
        : null
      : mode === 'save'
        ? dir && validName(trimmed)
          ? joinPath(dir, fileName)
          : null
        : current?.kind === 'folder' && dir !== null
          ? current.path
          : dir;
  const replaces = mode === 'save' && shown.some((e) => e.kind === 'file' && e.name === fileName);

  const up = () => {
    if (!listing?.dir) return;
    void go(listing.parent);
  };
  const activate = (entry: PickerEntry) => {
    if (entry.kind === 'folder') void go(entry.path);
    else if (mode === 'open') finish(entry.path);
    else if (mode === 'save') setName(entry.name);
  };
  const confirm = () => {
    if (target) finish(target);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setSelected((s) => Math.min(shown.length - 1, Math.max(0, s + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) activate(current);
      else confirm();
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      up();
    }
  };

  useEffect(() => {
    if (selected < 0) return;
    list.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const crumbs = listing ? crumbsOf(listing) : [];
  const okLabel = t(mode === 'open' ? 'picker.open' : mode === 'save' ? 'picker.save' : 'picker.folder');
  return (
    <Modal
      open
      title={request.title}
      width={780}
      onCancel={() => finish(null)}
      destroyOnHidden
      footer={
        <div className={styles.footer}>
          <Typography.Text type="secondary" className={styles.hint}>
            {t('picker.hint')}
          </Typography.Text>
          <Button onClick={() => finish(null)} data-testid="picker-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" disabled={!target} onClick={confirm} data-testid="picker-ok">
            {okLabel}
          </Button>
        </div>
      }
    >
      <div className={styles.picker} data-testid="place-picker" data-mode={mode} data-dir={dir ?? ''}>
        <div className={styles.bar}>
          <Button
            icon={<ArrowUpOutlined />}
            disabled={!dir}
            onClick={up}
            aria-label={t('picker.up')}
            title={t('picker.up')}
            data-testid="picker-up"
          />
          <Breadcrumb
            className={styles.crumbs}
            items={[
              {
                title: (
                  <Typography.Link onClick={() => void go(null)} data-testid="picker-crumb" data-path="">
                    <HddOutlined /> {t('picker.places')}
                  </Typography.Link>
                ),
              },
              ...crumbs.map((c, i) => ({
                title:
                  i === crumbs.length - 1 ? (
                    <span data-testid="picker-crumb" data-path={c.path}>
                      {c.label}
                    </span>
                  ) : (
                    <Typography.Link onClick={() => void go(c.path)} data-testid="picker-crumb" data-path={c.path}>
                      {c.label}
                    </Typography.Link>
                  ),
              })),
            ]}
          />
        </div>
        {error && <ErrorAlert error={error} testId="picker-error" />}
        <div className={styles.head} aria-hidden>
          <span>{t('picker.col.name')}</span>
          <span className={styles.size}>{t('picker.col.size')}</span>
          <span>{t('picker.col.modified')}</span>
        </div>
        <div
          ref={list}
          role="listbox"
          tabIndex={0}
          aria-label={request.title}
          className={styles.list}
          onKeyDown={onKeyDown}
          aria-activedescendant={selected >= 0 ? `picker-option-${selected}` : undefined}
          data-testid="picker-list"
        >
          {loading && !listing ? (
            <div className={styles.empty}>
              <Spin />
            </div>
          ) : shown.length === 0 ? (
            <div className={styles.empty} data-testid="picker-empty">
              {t(dir ? 'picker.empty' : 'picker.empty.places')}
            </div>
          ) : (
            shown.map((entry, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox takes the keys for its options (↑↓, Enter, Backspace) and names the current one (aria-activedescendant)
              <div
                key={entry.path}
                id={`picker-option-${i}`}
                tabIndex={-1}
                role="option"
                aria-selected={i === selected}
                data-index={i}
                data-testid="picker-entry"
                data-name={entry.name}
                data-kind={entry.kind}
                className={styles.row}
                onClick={() => {
                  setSelected(i);
                  if (mode === 'save' && entry.kind === 'file') setName(entry.name);
                }}
                onDoubleClick={() => activate(entry)}
              >
                <span className={styles.name} title={entry.path}>
                  {dir === null ? <HddOutlined /> : entry.kind === 'folder' ? <FolderOutlined /> : <FileOutlined />}
                  <span>{entry.name}</span>
                </span>
                <span className={styles.size}>{entry.size === null ? '' : formatBytes(entry.size)}</span>
                <span className={styles.time}>{entry.modified ? formatTime(entry.modified) : ''}</span>
              </div>
            ))
          )}
        </div>
        <div className={styles.notes}>
          {dir === null && <Typography.Text type="secondary">{t('picker.places.help')}</Typography.Text>}
          {dir !== null && mode !== 'folder' && extensions.length > 0 && (
            <Typography.Text type="secondary">
              {t('picker.filter', { extensions: extensions.map((x) => `.${x}`).join(' ') })}
            </Typography.Text>
          )}
          {listing?.truncated && (
            <Typography.Text type="warning">{t('picker.truncated', { n: listing.entries.length })}</Typography.Text>
          )}
        </div>
        {mode === 'save' && (
          <Space.Compact block>
            <Space.Addon>{t('picker.name')}</Space.Addon>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={confirm}
              status={trimmed && !validName(trimmed) ? 'error' : undefined}
              data-testid="picker-name"
            />
          </Space.Compact>
        )}
        {mode === 'save' && trimmed && !validName(trimmed) && (
          <Typography.Text type="danger">{t('picker.name.invalid')}</Typography.Text>
        )}
        {replaces && (
          <Alert
            type="warning"
            showIcon
            title={t('picker.name.exists', { name: fileName })}
            data-testid="picker-replaces"
          />
        )}
        {target && (
          <Typography.Text className={styles.target} data-testid="picker-target">
            {t(mode === 'save' ? 'picker.target.save' : 'picker.target', { path: target })}
          </Typography.Text>
        )}
      </div>
    </Modal>
  );
}
