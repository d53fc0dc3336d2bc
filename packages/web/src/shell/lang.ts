import { useTranslation } from 'react-i18next';

/** Which half of a bilingual `{ zh, en }` value the reader wants. */
export function useLang(): 'zh' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? 'en' : 'zh';
}
