import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../lib/format';
import { en } from './en';
import { id } from './id';

export const LANG_KEY = 'jalin.lang';
export const LANGUAGES: readonly Lang[] = ['id', 'en'];

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** Bahasa Indonesia first; English by the switch in the header (remembered in localStorage). */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
syncDocumentLang(i18n.language as Lang);

function syncDocumentLang(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  await i18n.changeLanguage(lang);
  syncDocumentLang(lang);
}

export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'id');

/** `t` plus the current language as a `Lang`. */
export function useT() {
  const { t, i18n: inst } = useTranslation();
  return { t, lang: (inst.language === 'en' ? 'en' : 'id') as Lang };
}
