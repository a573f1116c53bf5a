import { Segmented } from 'antd';
import { LANGUAGES, type Language, useLanguage, useT } from '../app/language.js';

export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  return (
    <Segmented<Language>
      size="small"
      data-testid="language-switch"
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
