import { create } from 'zustand';
import { LANGUAGE_KEY } from '../api/session-keys.js';
import { en } from '../i18n/en.js';
import { type MessageKey, zhCN } from '../i18n/zh-CN.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // no storage: the default
  }
  return 'zh-CN';
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => format(catalogue[key] ?? zhCN[key] ?? key, params);
}

interface LanguageStore {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
}

export const useLanguage = create<LanguageStore>()((set) => {
  const language = initialLanguage();
  document.documentElement.lang = language;
  return {
    language,
    t: translator(language),
    setLanguage(next) {
      try {
        window.localStorage.setItem(LANGUAGE_KEY, next);
      } catch {
        // not persisted
      }
      document.documentElement.lang = next;
      set({ language: next, t: translator(next) });
    },
  };
});

/** `t(key, params)` in the current language; components re-render when it changes. */
export const useT = (): Translate => useLanguage((s) => s.t);
