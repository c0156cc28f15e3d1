import type { directory as en } from '../en/directory.ts';
import type { Translation } from '../translations.ts';

export const directory: Translation<typeof en> = {
  unnamedContact: 'Kontakt ohne Namen',
  phone: { business: 'Geschäftlich', mobile: 'Mobil', businessFax: 'Fax' },
  callInTeams: {
    business: 'Geschäftsnummer {{number}} in Teams anrufen',
    mobile: 'Mobilnummer {{number}} in Teams anrufen',
    businessFax: 'Faxnummer {{number}} in Teams anrufen',
  },
  search: {
    heading: 'Personen',
    label: 'Personen nach Name, Firma oder Nummer suchen',
    placeholder: 'z. B. Meier, Contoso, +49 89…',
    searching: 'Suche läuft…',
    noneFound: 'Keine Personen für „{{query}}“ gefunden',
    best: 'Die besten {{count}} Treffer für „{{query}}“; tippen Sie weiter, um einzugrenzen',
    found_one: '{{count}} Person für „{{query}}“ gefunden',
    found_other: '{{count}} Personen für „{{query}}“ gefunden',
    empty: 'Geben Sie einen Namen, eine Firma oder eine Telefonnummer ein, um Personen zu finden.',
    nobody: 'Niemand passt zu „{{query}}“. Prüfen Sie die Schreibweise oder geben Sie weniger Buchstaben ein.',
    results: 'Ergebnisse für {{query}}',
    loadingResults: 'Ergebnisse werden geladen',
    soundsLike: 'Klingt wie „{{term}}“',
    typo: 'Tippfehler in „{{term}}“',
    foundAs: '„{{term}}“ fand {{text}}',
  },
  lookup: {
    heading: 'Nummer nachschlagen',
    label: 'Telefonnummer',
    placeholder: '+49 89 123456-78',
    submit: 'Nachschlagen',
    looking: 'Wird nachgeschlagen…',
    company: 'Eine Durchwahl von {{number}}, die im Verzeichnis niemand hat: als Firma angezeigt.',
    matched: {
      business: '{{number}} als geschäftliche Nummer gefunden.',
      mobile: '{{number}} als Mobilnummer gefunden.',
      businessFax: '{{number}} als Faxnummer gefunden.',
    },
    ambiguous: 'Diese Nummer könnte zu mehreren Kontakten gehören.',
    noMatch: 'Kein Kontakt mit dieser Nummer.',
    readsAs: 'Sie lässt sich als {{readings}} lesen; geben Sie sie mit Landes- oder Ortsvorwahl ein.',
    or: ' oder ',
    unreadable: '„{{input}}“ ist keine lesbare Telefonnummer.',
    searchedFor: 'Gesucht nach {{readings}}.',
  },
};
