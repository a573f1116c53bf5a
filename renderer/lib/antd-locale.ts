import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd ships its locales as CommonJS; depending on the interop the default import is the
 * locale itself or `{ default: locale }`. Either way, the locale.
 */
const unwrap = (m: unknown): Locale => {
  const inner = (m as { default?: unknown }).default;
  return (inner && typeof inner === 'object' && 'locale' in inner ? inner : m) as Locale;
};

export const antdLocales = { 'zh-CN': unwrap(zhCNModule), en: unwrap(enUSModule) } as const;
