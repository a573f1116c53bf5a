import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_KEY } from '../api/session-keys.js';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';
import { documentLanguage, installWindow } from '../testing/fake-window.js';

afterEach(() => {
  vi.resetModules();
});

describe('useLanguage: the UI language', () => {
  it('is Chinese by default, and the document says so', async () => {
    installWindow();
    const { useLanguage } = await import('./language.js');
    expect(useLanguage.getState().language).toBe('zh-CN');
    expect(documentLanguage()).toBe('zh-CN');
    expect(useLanguage.getState().t('app.name')).toBe(zhCN['app.name']);
  });

  it('starts in the language chosen before, and keeps a new choice', async () => {
    const win = installWindow({ storage: { [LANGUAGE_KEY]: 'en' } });
    const { useLanguage } = await import('./language.js');
    expect(useLanguage.getState().language).toBe('en');
    expect(useLanguage.getState().t('app.name')).toBe(en['app.name']);
    useLanguage.getState().setLanguage('zh-CN');
    expect(win.storage.get(LANGUAGE_KEY)).toBe('zh-CN');
    expect(documentLanguage()).toBe('zh-CN');
    expect(useLanguage.getState().t('app.name')).toBe(zhCN['app.name']);
  });

  it('ignores a stored value that is no language of ours, and works without storage', async () => {
    installWindow({ storage: { [LANGUAGE_KEY]: 'fr' } });
    expect((await import('./language.js')).useLanguage.getState().language).toBe('zh-CN');
    vi.resetModules();
    installWindow({ noStorage: true });
    const { useLanguage } = await import('./language.js');
    expect(useLanguage.getState().language).toBe('zh-CN');
    useLanguage.getState().setLanguage('en');
    expect(useLanguage.getState().language).toBe('en');
  });
});

describe('format and translator', () => {
  it('fills the named values it has and leaves the others as written', async () => {
    installWindow();
    const { format } = await import('./language.js');
    expect(format('{n} 人,{who}', { n: 3 })).toBe('3 人,{who}');
    expect(format('{n}', { n: 0 })).toBe('0');
    expect(format('无参数 {n}')).toBe('无参数 {n}');
  });

  it('falls back to the Chinese text, then to the key, for a text the catalogue lacks', async () => {
    installWindow();
    const { translator } = await import('./language.js');
    const t = translator('en');
    expect(t('lock.idle', { n: 15 })).toBe(en['lock.idle'].replace('{n}', '15'));
    expect(t('no.such.key' as never)).toBe('no.such.key');
  });
});
