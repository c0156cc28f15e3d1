import { describe, expect, it } from 'vitest';
import { contactWords } from '../../api/src/search/contact-analysis.ts';
import { foldWord } from '../../api/src/search/fold.ts';
import { phoneDigitTerms, typedDigitVariants } from '../../api/src/search/phone-digits.ts';
import { phoneticCodes } from '../../api/src/search/phonetic.ts';
import { queryTerms } from '../../api/src/search/query-terms.ts';
import { companyTokens, mailTokens, nameTokens } from '../../api/src/search/tokens.ts';
import { contact } from './contacts.ts';

const terms = (tokens: { term: string }[]) => tokens.map((t) => t.term);

describe('folding', () => {
  it.each([
    [['Müller', 'Mueller', 'Muller', 'MÜLLER'], 'muller'],
    [['Weiß', 'Weiss', 'WEISS'], 'weiss'],
    [['Jörg', 'Joerg', 'Jorg'], 'jorg'],
    [['Schäfer', 'Schaefer', 'Schafer'], 'schafer'],
    [['Lefèvre', 'Lefevre'], 'lefevre'],
    [['Łukasz', 'Lukasz'], 'lukasz'],
    [['Yılmaz', 'Yilmaz'], 'yilmaz'],
    [['Kjærgaard', 'Kjaergaard', 'Kjargaard'], 'kjargaard'],
    [["O'Brien", 'O’Brien', 'OBrien'], 'obrien'],
  ])('%j all fold to %s', (spellings, folded) => {
    for (const spelling of spellings) expect(foldWord(spelling), spelling).toBe(folded);
  });

  it('keeps "ue" after a vowel or q, where it is no umlaut', () => {
    expect(foldWord('Bauer')).not.toBe(foldWord('Baur'));
    expect(foldWord('Neuer')).toBe('neuer');
    expect(foldWord('Quendel')).toBe('quendel');
  });
});

describe('tokens', () => {
  it('splits names into words and also runs a few parts together', () => {
    expect(terms(nameTokens('van den Berg'))).toEqual(['van', 'den', 'berg', 'vandenberg']);
    expect(terms(nameTokens('Anna-Lena'))).toEqual(['anna', 'lena', 'annalena']);
    expect(terms(nameTokens('Schmidt'))).toEqual(['schmidt']);
  });

  it('reads dotted abbreviations of company forms as one word', () => {
    expect(terms(companyTokens('Giordanelli Tessuti S.p.A.'))).toEqual(['giordanelli', 'tessuti', 's', 'p', 'a', 'spa']);
    expect(terms(companyTokens('Vanderveen Bouw B.V.'))).toContain('bv');
    expect(terms(companyTokens('Müller & S. Schmidt GmbH'))).toEqual(['muller', 's', 'schmidt', 'gmbh']);
  });

  it('reads a mail address as its name parts and domain labels, without numbers and top-level domain', () => {
    expect(terms(mailTokens('anna.schmidt79@contoso-gmbh.example'))).toEqual(['anna', 'schmidt', 'contoso', 'gmbh']);
    expect(terms(mailTokens('j_mueller+crm@mail.fabrikam.de'))).toEqual(['j', 'muller', 'crm', 'mail', 'fabrikam']);
  });

  it('keeps where each word stands, for highlighting', () => {
    const [first, second] = mailTokens('anna.schmidt@contoso.example');
    expect(first).toMatchObject({ term: 'anna', start: 0, end: 4 });
    expect(second).toMatchObject({ term: 'schmidt', start: 5, end: 12 });
  });

  it('indexes of the display name only what the other name fields do not say', () => {
    const words = contactWords(contact('s', '1', { givenName: 'Anna', surname: 'Schmidt', displayName: 'Dr. Anna Schmidt (Contoso)', companyName: 'Contoso' }));
    expect(words.filter((w) => w.field === 'displayName').map((w) => w.term)).toEqual(['dr']);
    const onlyDisplay = contactWords(contact('s', '2', { displayName: 'Anna Schmidt' }));
    expect(onlyDisplay.map((w) => [w.field, w.term])).toEqual([
      ['displayName', 'anna'],
      ['displayName', 'schmidt'],
    ]);
  });

  it('knows which words are all of their field', () => {
    const words = contactWords(contact('s', '1', { surname: 'Hoffmann & Mayer GmbH', givenName: 'Anna' }));
    expect(words.filter((w) => w.whole).map((w) => w.term)).toEqual(['hoffmannmayergmbh', 'anna']);
    expect(words.find((w) => w.term === 'mayer')?.whole).toBe(false);
  });
});

describe('phonetic codes', () => {
  const alike = (a: string, b: string) => phoneticCodes(foldWord(a)).some((code) => phoneticCodes(foldWord(b)).includes(code));

  it.each([
    ['Meier', 'Maier'],
    ['Meier', 'Meyer'],
    ['Meier', 'Mayr'],
    ['Schmidt', 'Schmitt'],
    ['Müller', 'Mueller'],
    ['Hoffmann', 'Hofmann'],
    ['Christoph', 'Kristof'],
    ['Stephan', 'Stefan'],
    ['Katharina', 'Catherine'],
    ['Philipp', 'Filip'],
  ])('%s sounds like %s', (a, b) => {
    expect(alike(a, b)).toBe(true);
  });

  it.each([
    ['Meier', 'Major'],
    ['Schmidt', 'Schneider'],
    ['Bartel', 'Bartels'],
  ])('%s does not sound like %s to both algorithms', (a, b) => {
    expect(alike(a, b)).toBe(false);
  });

  it('gives no code to words too short or not in Latin letters', () => {
    expect(phoneticCodes('al')).toEqual([]);
    expect(phoneticCodes('иван')).toEqual([]);
  });
});

describe('phone digits', () => {
  const phoneOf = (number: string) => contact('s', '1', { phones: [number] }).phones[0];

  it('finds a number by international and national digits and by its extension', () => {
    const phone = phoneOf('+49 (89) 123456-78');
    expect(phone && phoneDigitTerms(phone)).toEqual(['498912345678', '8912345678', 'x78']);
  });

  it('finds a number it could not read by its digits as written', () => {
    const phone = phoneOf('0800-FLOWERS 12');
    expect(phone?.e164).toBeNull();
    expect(phone && phoneDigitTerms(phone)).toEqual(['080012', '80012']);
  });

  it.each([
    ['+49 89 1234', ['49891234']],
    ['0049 89 1234', ['49891234']],
    ['089 1234', ['891234', '0891234']],
    ['678', ['678', 'x678']],
    ['1234567890', ['1234567890']],
  ])('reads typed %s as %j', (typed, variants) => {
    expect(typedDigitVariants(typed)).toEqual(variants);
  });
});

describe('query terms', () => {
  it('reads words, phone numbers and mail addresses in the order typed; the last word is a prefix', () => {
    const parsed = queryTerms('Müller +49 (89) 1234-5 anna.schmidt@contoso.ex Sch');
    expect(parsed.map((t) => (t.kind === 'word' ? `${t.folded}${t.last ? '*' : ''}` : t.variants.join('|')))).toEqual([
      'muller',
      '498912345',
      'anna',
      'schmidt',
      'contoso',
      'sch*',
    ]);
  });

  it('keeps each term once and at most eight', () => {
    expect(queryTerms('anna Anna ANNA').map((t) => t.typed)).toEqual(['anna']);
    expect(queryTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('has no terms for punctuation alone', () => {
    expect(queryTerms('-- ,, !!')).toEqual([]);
  });
});
