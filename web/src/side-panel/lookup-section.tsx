import { useId, useState, type FormEvent } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { HistoryRegular, SearchRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { MAIL_MAX_LENGTH } from '../../../contracts/index.ts';
import type { ApiClient } from '../api/client.ts';
import { ErrorMessageBar } from '../components/error-message-bar.tsx';
import { useApiQuery } from '../hooks/use-api-query.ts';
import { foundName, runLookup, type LookupOutcome } from './lookup-outcome.ts';
import { LookupResult } from './lookup-result.tsx';
import { useRecentLookups } from './recent-lookups.ts';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  recent: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  recentButton: { justifyContent: 'flex-start', width: '100%', minWidth: 0, fontWeight: tokens.fontWeightRegular },
  recentText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A number (or mail address) pasted by hand, and the last few looked up. */
export function LookupSection({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const headingId = useId();
  const recentId = useId();
  const { t } = useTranslation(['sidePanel', 'directory']);
  const [input, setInput] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const { recent, remember } = useRecentLookups();
  const lookup = useApiQuery<LookupOutcome>(query === null ? null : `lookup:${query}`, async (signal) => {
    // `query` is non-null whenever the key is.
    const outcome = await runLookup(api, query ?? '', signal);
    remember({ query: outcome.query, name: foundName(outcome) });
    return outcome;
  });

  const run = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    setInput(trimmed);
    if (trimmed === query) lookup.reload();
    else setQuery(trimmed);
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    run(input);
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t('directory:lookup.heading')}
      </Subtitle2>
      <form className={styles.form} onSubmit={submit} role="search" aria-label={t('directory:lookup.heading')}>
        <Field className={styles.field} label={t('lookupLabel')}>
          <Input
            value={input}
            // Room for a mail address, the longer kind; the API checks each kind's own limit.
            maxLength={MAIL_MAX_LENGTH}
            placeholder={t('directory:lookup.placeholder')}
            onChange={(_, data) => {
              setInput(data.value);
            }}
          />
        </Field>
        <Button type="submit" appearance="primary" icon={<SearchRegular />} disabled={input.trim() === ''}>
          {t('directory:lookup.submit')}
        </Button>
      </form>
      <div className={styles.result} aria-live="polite">
        {lookup.loading && <Spinner size="tiny" label={t('directory:lookup.looking')} />}
        {lookup.error !== null && <ErrorMessageBar error={lookup.error} />}
        {lookup.data !== null && <LookupResult outcome={lookup.data} />}
      </div>
      {recent.length > 0 && (
        <>
          <Caption1 id={recentId} className={styles.muted}>
            {t('recent')}
          </Caption1>
          <ul className={styles.recent} aria-labelledby={recentId}>
            {recent.map((entry) => (
              <li key={entry.query}>
                <Button
                  className={styles.recentButton}
                  appearance="subtle"
                  icon={<HistoryRegular />}
                  onClick={() => {
                    run(entry.query);
                  }}
                >
                  <span className={styles.recentText}>
                    {entry.query} · {entry.name ?? t('noMatch')}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
