import { useMemo, useState } from 'react';
import { Combobox, Field, useComboboxFilter } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../i18n/i18n.ts';
import { countryOptions } from './country-options.ts';

export interface CountryFieldProps {
  value: string;
  onChange: (country: string) => void;
  validationMessage: string | undefined;
}

/** A combobox of countries: type part of a name, its code or its calling code, then pick. */
export function CountryField({ value, onChange, validationMessage }: CountryFieldProps) {
  const { t } = useTranslation('wizard');
  // Named in the app's language (useTranslation renders again when it changes).
  const locale = formatLocale();
  const options = useMemo(() => countryOptions(locale), [locale]);
  const selected = options.find((option) => option.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const children = useComboboxFilter(query ?? '', options.map((option) => ({ value: option.value, children: option.label, text: option.searchText })), {
    optionToText: (option) => option.text,
    noOptionsMessage: t('access.noMatch', { query: query ?? '' }),
  });

  return (
    <Field label={t('dialling.country')} hint={t('dialling.countryHint')} required validationMessage={validationMessage}>
      <Combobox
        value={query ?? selected?.label ?? value}
        selectedOptions={[value]}
        placeholder={t('dialling.countryPlaceholder')}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined) onChange(data.optionValue);
          setQuery(null);
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {children}
      </Combobox>
    </Field>
  );
}
