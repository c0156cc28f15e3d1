import { useId, useState, type FormEvent } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { CallInboundRegular, SearchRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { LookupResponse } from '../../../contracts/index.ts';
import { LIMITS } from '../../../contracts/limits.ts';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { useSession } from '../hooks/use-session.ts';
import { ContactCard } from './contact-card.tsx';
import { ErrorMessageBar } from './error-message-bar.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  button: { flexShrink: 0, whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground3 },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  noMatch: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Caller identification by hand: who has this number? */
export function NumberLookup() {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useTranslation('directory');
  const { api } = useSession();
  const [input, setInput] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const lookup = useApiQuery<LookupResponse>(number === null ? null : `lookup:${number}`, (signal) =>
    // `number` is non-null whenever the key is.
    api.lookup(number ?? '', signal),
  );

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const trimmed = input.trim();
    if (trimmed === '') return;
    if (trimmed === number) lookup.reload();
    else setNumber(trimmed);
  };

  const result = lookup.data;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t('lookup.heading')}
      </Subtitle2>
      <form className={styles.form} onSubmit={submit} role="search" aria-label={t('lookup.heading')}>
        <Field className={styles.field} label={t('lookup.label')}>
          <Input
            type="tel"
            value={input}
            maxLength={LIMITS.numberMaxLength}
            placeholder={t('lookup.placeholder')}
            contentBefore={<CallInboundRegular aria-hidden />}
            onChange={(_, data) => {
              setInput(data.value);
            }}
          />
        </Field>
        <Button className={styles.button} type="submit" appearance="primary" icon={<SearchRegular />} disabled={input.trim() === ''}>
          {t('lookup.submit')}
        </Button>
      </form>
      <div className={styles.result} aria-live="polite">
        {lookup.loading && <Spinner size="tiny" label={t('lookup.looking')} />}
        {lookup.error !== null && <ErrorMessageBar error={lookup.error} />}
        {result !== null && result.match !== null && (
          <ContactCard
            contact={result.match.contact}
            footer={
              <Caption1 className={styles.note}>
                {result.match.rule === 'company'
                  ? t('lookup.company', { number: result.match.number })
                  : t(`lookup.matched.${result.match.field}`, { number: result.match.number })}
              </Caption1>
            }
          />
        )}
        {result !== null && result.match === null && (
          <div>
            <Body1 className={styles.noMatch}>{result.ambiguous ? t('lookup.ambiguous') : t('lookup.noMatch')}</Body1>
            <Caption1 className={styles.note}>
              {result.ambiguous
                ? t('lookup.readsAs', { readings: result.readings.join(t('lookup.or')) })
                : result.readings.length === 0
                  ? t('lookup.unreadable', { input: result.input })
                  : t('lookup.searchedFor', { readings: result.readings.join(', ') })}
            </Caption1>
          </div>
        )}
      </div>
    </section>
  );
}
