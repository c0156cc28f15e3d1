import { useId, useState, type FormEvent } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { CallInboundRegular, SearchRegular } from '@fluentui/react-icons';
import type { LookupResponse } from '../../../contracts/index.ts';
import { LIMITS } from '../../../contracts/limits.ts';
import { PHONE_LABELS } from '../format.ts';
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
        Look up a number
      </Subtitle2>
      <form className={styles.form} onSubmit={submit} role="search" aria-label="Look up a number">
        <Field className={styles.field} label="Phone number">
          <Input
            type="tel"
            value={input}
            maxLength={LIMITS.numberMaxLength}
            placeholder="+49 89 123456-78"
            contentBefore={<CallInboundRegular aria-hidden />}
            onChange={(_, data) => {
              setInput(data.value);
            }}
          />
        </Field>
        <Button className={styles.button} type="submit" appearance="primary" icon={<SearchRegular />} disabled={input.trim() === ''}>
          Look up
        </Button>
      </form>
      <div className={styles.result} aria-live="polite">
        {lookup.loading && <Spinner size="tiny" label="Looking up…" />}
        {lookup.error !== null && <ErrorMessageBar error={lookup.error} />}
        {result !== null && result.match !== null && (
          <ContactCard
            contact={result.match.contact}
            footer={
              <Caption1 className={styles.note}>
                {result.match.rule === 'company'
                  ? `An extension of ${result.match.number} that nobody in the directory has: shown as the company.`
                  : `Matched ${result.match.number} on the ${PHONE_LABELS[result.match.field].toLowerCase()} number.`}
              </Caption1>
            }
          />
        )}
        {result !== null && result.match === null && (
          <div>
            <Body1 className={styles.noMatch}>{result.ambiguous ? 'This number could belong to several contacts.' : 'No contact for this number.'}</Body1>
            <Caption1 className={styles.note}>
              {result.ambiguous
                ? `It reads as ${result.readings.join(' or ')}; enter it with the country or area code to decide.`
                : result.readings.length === 0
                  ? `“${result.input}” could not be read as a phone number.`
                  : `Searched for ${result.readings.join(', ')}.`}
            </Caption1>
          </div>
        )}
      </div>
    </section>
  );
}
