/**
 * The open congress as this window knows it, against the REAL backend in this process: the
 * first read, open and close, a failed open, and changes made by another window.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { congressInput, makeBackend } from '../../tests/db/helpers.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const stops: (() => void)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  (await import('../api/transport.js')).setTransport(null);
  vi.resetModules();
});

/** Fresh modules (the store, the cache) on a backend with a congress file made and closed again. */
async function shell() {
  const tb = makeBackend();
  const file = (await tb.call('congress.create', congressInput(tb.dir))).path;
  await tb.call('meetings.create', { name: '预备会议', date: '2026-03-19' });
  await tb.call('meetings.create', { name: '选举大会', date: '2026-03-20' });
  await tb.call('congress.close', {});
  const { installBackend } = await import('../testing/in-process.js');
  const inProcess = installBackend(tb);
  const queries = await import('../api/queries.js');
  stops.push(queries.startLiveQueries());
  const { useCongress, currentMeeting } = await import('./congress.js');
  return { ...inProcess, file, queries, useCongress, currentMeeting };
}

describe('useCongress: which congress this window has open', () => {
  it('knows after the first read that none is open, and the recent file', async () => {
    const { useCongress, file } = await shell();
    expect(useCongress.getState().status).toBe('loading');
    await useCongress.getState().load();
    const s = useCongress.getState();
    expect(s.status).toBe('ready');
    expect(s.file).toBeNull();
    expect(s.meetings).toEqual([]);
    expect(s.info?.recentFiles.map((f) => f.path)).toEqual([file]);
  });

  it('opens a file with its meetings in order, and closing forgets what was read of it', async () => {
    const { useCongress, currentMeeting, file, queries, calls } = await shell();
    await useCongress.getState().load();
    const r = await useCongress.getState().open(file);
    expect(r.ok).toBe(true);
    await settle();
    let s = useCongress.getState();
    expect(s.busy).toBe(false);
    expect(s.file?.path).toBe(file);
    expect(s.meetings.map((m) => m.name)).toEqual(['预备会议', '选举大会']);
    // The first meeting made is the current one until someone picks another.
    expect(currentMeeting(s)?.name).toBe('预备会议');
    expect(queries.peekCall('meetings.list', {})).toHaveLength(2);
    const reads = calls.get('meetings.list');

    await useCongress.getState().close();
    await settle();
    s = useCongress.getState();
    expect(s.file).toBeNull();
    expect(s.meetings).toEqual([]);
    expect(queries.peekCall('meetings.list', {})).toBeUndefined();
    // Closed: the meetings are not asked for any more.
    expect(calls.get('meetings.list')).toBe(reads);
  });

  it('follows what another window changes: the current meeting, a new meeting, the settings', async () => {
    const { useCongress, currentMeeting, file, tb } = await shell();
    await useCongress.getState().load();
    await useCongress.getState().open(file);
    await settle();
    const second = useCongress.getState().meetings[1]!;
    await tb.call('meetings.setCurrent', { meetingId: second.id });
    await tb.call('meetings.create', { name: '一届一次全体会议', date: '2026-03-20' });
    await tb.call('congress.updateSettings', { quorumAllowEqual: true });
    await settle();
    const s = useCongress.getState();
    expect(currentMeeting(s)?.id).toBe(second.id);
    expect(s.meetings.map((m) => m.name)).toContain('一届一次全体会议');
    expect(s.file?.congress.settings.quorumAllowEqual).toBe(true);
  });

  it('shows its own write at once, before the change event', async () => {
    const { useCongress, file } = await shell();
    await useCongress.getState().load();
    await useCongress.getState().open(file);
    const r = await useCongress.getState().updateSettings({ idleMinutes: 7 });
    expect(r.ok).toBe(true);
    expect(useCongress.getState().file?.congress.settings.idleMinutes).toBe(7);
  });

  it('keeps the start screen with the refusal when a file cannot be opened', async () => {
    const { useCongress, tb } = await shell();
    await useCongress.getState().load();
    const r = await useCongress.getState().open(path.join(tb.dir, 'missing.congress'));
    expect(r.ok).toBe(false);
    const s = useCongress.getState();
    expect(s.file).toBeNull();
    expect(s.busy).toBe(false);
    expect(s.openError?.code).toMatch(/^file_/);
    useCongress.getState().clearOpenError();
    expect(useCongress.getState().openError).toBeNull();
  });

  it('is offline when the first read fails, and ready after a retry that answers', async () => {
    const { useCongress, tb } = await shell();
    let down = true;
    (await import('../api/transport.js')).setTransport({
      invoke: async (channel, input, ctx) =>
        down
          ? { ok: false, error: { code: 'internal', message: 'the host is gone' } }
          : tb.backend.invoke(channel, input, ctx),
      onChange: (listener) => tb.backend.onChange(listener),
    });
    await useCongress.getState().load();
    expect(useCongress.getState().status).toBe('offline');
    expect(useCongress.getState().openError?.code).toBe('internal');
    down = false;
    await useCongress.getState().load();
    expect(useCongress.getState().status).toBe('ready');
    expect(useCongress.getState().info?.recentFiles).toHaveLength(1);
  });
});
