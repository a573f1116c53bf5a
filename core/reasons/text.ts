export type Language = 'zh-CN' | 'en';

/** One reason's sentence in both UI languages, with the same `{placeholders}`. */
export interface ReasonText {
  'zh-CN': string;
  en: string;
}
