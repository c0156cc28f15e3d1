import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, SUPPORTED_LANGUAGES } from './resources.ts';

/**
 * The app's one i18next instance. Resources are bundled, so it is ready synchronously in English
 * before the host is known; `useHostLanguage` then switches to the Teams/Office/browser language.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LANGUAGES],
  // "de-AT" and "de-CH" use the German texts; Intl still formats for the exact region.
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  ns: Object.keys(resources.en),
  defaultNS: 'common',
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * The locale numbers and dates are formatted in: the requested tag ("de-AT") when its language
 * has texts, else the language the texts fall back to, so words and digits never disagree.
 */
export function formatLocale(): string {
  const resolved = i18n.resolvedLanguage ?? 'en';
  const requested = i18n.language;
  return requested.split('-')[0] === resolved ? requested : resolved;
}
