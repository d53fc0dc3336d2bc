import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'yiwang.lang';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

const lng = initialLanguage();
// The page's language tells screen readers how to pronounce it (GB/T 37668).
document.documentElement.lang = lng;
dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  void i18n.changeLanguage(lang);
}

export { i18n };
