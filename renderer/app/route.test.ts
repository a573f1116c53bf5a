import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installWindow } from '../testing/fake-window.js';

afterEach(() => {
  vi.resetModules();
});

describe('parseHash and hashFor: the route in the address', () => {
  beforeEach(() => {
    installWindow();
  });

  it('reads a page and its query, with or without the slash', async () => {
    const { parseHash } = await import('./route.js');
    expect(parseHash('#/count?round=7')).toEqual({ page: 'count', query: { round: '7' } });
    expect(parseHash('#contests?contest=3&tab=x')).toEqual({ page: 'contests', query: { contest: '3', tab: 'x' } });
    expect(parseHash('#/print/election/?contest=2')).toEqual({ page: 'print/election', query: { contest: '2' } });
    expect(parseHash('#/report?meeting=1&form=count')).toEqual({
      page: 'report',
      query: { meeting: '1', form: 'count' },
    });
  });

  it('shows the desk for no page, an unknown one, or a near miss', async () => {
    const { parseHash } = await import('./route.js');
    for (const hash of ['', '#', '#/', '#/nowhere', '#/Desk', '#/print', '#/board2?x=1']) {
      expect(parseHash(hash).page, hash).toBe('desk');
    }
    expect(parseHash('#/nowhere?round=1').query).toEqual({ round: '1' });
  });

  it('writes every page back as it reads it, query values escaped', async () => {
    const { PAGES, hashFor, parseHash } = await import('./route.js');
    for (const page of PAGES) {
      const query = { meeting: '12', name: '张三 & 李四?' };
      expect(parseHash(hashFor(page, query))).toEqual({ page, query });
    }
    expect(hashFor('audit')).toBe('#/audit');
  });
});

describe('useRoute: the store follows the address', () => {
  it('starts from the address, navigates with a history entry, and follows Back', async () => {
    const win = installWindow({ hash: '#/settings' });
    const { useRoute } = await import('./route.js');
    expect(useRoute.getState().page).toBe('settings');
    useRoute.getState().navigate('count', { round: '4' });
    expect(win.hash()).toBe('#/count?round=4');
    expect(useRoute.getState()).toMatchObject({ page: 'count', query: { round: '4' } });
    win.goTo('#/audit');
    expect(useRoute.getState()).toMatchObject({ page: 'audit', query: {} });
  });

  it('replaces without a history entry, and still shows the new page', async () => {
    const win = installWindow({ hash: '#/new' });
    const { useRoute } = await import('./route.js');
    useRoute.getState().replace('desk');
    expect(win.hash()).toBe('#/desk');
    expect(useRoute.getState().page).toBe('desk');
  });
});
