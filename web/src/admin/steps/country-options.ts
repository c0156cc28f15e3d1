import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/min';

export interface CountryOption {
  /** ISO 3166 alpha-2, as the dialling profile stores it. */
  value: string;
  /** "Germany (+49)" in the app's language. */
  label: string;
  /** What typing may match: name, code and calling code. */
  searchText: string;
}

/** Every country the number library (and so the API's normalisation) knows, named in `locale`, sorted by name. */
export function countryOptions(locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return getCountries()
    .map((code) => {
      const name = names.of(code) ?? code;
      const callingCode = getCountryCallingCode(code);
      return { value: code, label: `${name} (+${callingCode})`, searchText: `${name} ${code} +${callingCode}` };
    })
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** "+49" for "DE"; null for a code the library does not know. */
export function callingCode(country: string): string | null {
  return getCountries().includes(country as CountryCode) ? getCountryCallingCode(country as CountryCode) : null;
}
