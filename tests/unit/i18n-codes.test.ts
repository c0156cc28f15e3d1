import { describe, expect, it } from 'vitest';
import { ACCESS_CHECK_CODES, GRAPH_APP_STEPS, PROBLEM_DETAILS, PROBLEM_DETAIL_CODES, SYNC_ERROR_CODES } from '../../contracts/index.ts';
import { resources, SUPPORTED_LANGUAGES } from '../../web/src/i18n/resources.ts';

/**
 * Every code the API words a sentence by (problem details, access checks, sync errors) has that
 * sentence in every language of the web, with the same placeholders in each: the web owns the
 * wording, so a code added in contracts/ without texts, or a German text left in English, fails here.
 */
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '').sort();

const CODE_TEXTS = {
  'problem details': { codes: PROBLEM_DETAIL_CODES, texts: (lang: (typeof SUPPORTED_LANGUAGES)[number]) => resources[lang].errors.detail },
  'Graph steps': { codes: GRAPH_APP_STEPS, texts: (lang: (typeof SUPPORTED_LANGUAGES)[number]) => resources[lang].errors.graphStep },
  'access checks': { codes: ACCESS_CHECK_CODES, texts: (lang: (typeof SUPPORTED_LANGUAGES)[number]) => resources[lang].wizard.check.detail },
  'sync errors': { codes: SYNC_ERROR_CODES, texts: (lang: (typeof SUPPORTED_LANGUAGES)[number]) => resources[lang].sync.error },
};

describe.each(Object.entries(CODE_TEXTS))('texts of %s', (_, { codes, texts }) => {
  it('exist in every language for every code, and no other', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      const table: Record<string, string> = texts(lang);
      expect(Object.keys(table).sort(), lang).toEqual([...codes].sort());
      for (const code of codes) expect(table[code]?.trim(), `${lang} ${code}`).toBeTruthy();
    }
  });

  it('are translated, with the same placeholders as the English', () => {
    const english: Record<string, string> = texts('en');
    for (const lang of SUPPORTED_LANGUAGES.filter((l) => l !== 'en')) {
      const table: Record<string, string> = texts(lang);
      for (const code of codes) {
        expect(table[code], `${lang} ${code}`).not.toBe(english[code]);
        expect(placeholders(table[code] ?? ''), `${lang} ${code}`).toEqual(placeholders(english[code] ?? ''));
      }
    }
  });
});

describe('problem detail texts', () => {
  it('use exactly the parameters the contract lists for their code', () => {
    for (const lang of SUPPORTED_LANGUAGES) {
      for (const code of PROBLEM_DETAIL_CODES) {
        expect(placeholders(resources[lang].errors.detail[code]), `${lang} ${code}`).toEqual([...PROBLEM_DETAILS[code]].sort());
      }
    }
  });
});
