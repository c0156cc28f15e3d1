import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Input, makeStyles, mergeClasses, Spinner, Subtitle2, tokens, type InputProps } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery, type ApiQuery } from '../hooks/use-api-query.ts';
import { ErrorMessageBar } from './error-message-bar.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  form: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  button: { flexShrink: 0, whiteSpace: 'nowrap' },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A lookup box's text, the query last submitted, and its answer. */
export interface Lookup<T> {
  input: string;
  setInput(value: string): void;
  /** Looks `text` up and shows it in the box; the same query again asks afresh. */
  run(text: string): void;
  result: ApiQuery<T>;
}

export function useLookup<T>(load: (query: string, signal: AbortSignal) => Promise<T>): Lookup<T> {
  const [input, setInput] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const result = useApiQuery<T>(query === null ? null : `lookup:${query}`, (signal) =>
    // `query` is non-null whenever the key is.
    load(query ?? '', signal),
  );
  const run = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    setInput(trimmed);
    if (trimmed === query) result.reload();
    else setQuery(trimmed);
  };
  return { input, setInput, run, result };
}

export interface LookupFormProps<T> {
  lookup: Lookup<T>;
  /** The section's spacing. */
  className: string;
  label: string;
  input: Pick<InputProps, 'type' | 'maxLength' | 'contentBefore'>;
  renderResult(data: T): ReactNode;
  /** Shown below the answer. */
  children?: ReactNode;
}

/** Caller identification by hand: a "Look up a number" section with its box, button and answer. */
export function LookupForm<T>({ lookup, className, label, input, renderResult, children }: LookupFormProps<T>) {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useTranslation('directory');
  const { result } = lookup;
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    lookup.run(lookup.input);
  };

  return (
    <section className={mergeClasses(styles.section, className)} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t('lookup.heading')}
      </Subtitle2>
      <form className={styles.form} onSubmit={submit} role="search" aria-label={t('lookup.heading')}>
        <Field className={styles.field} label={label}>
          <Input
            {...input}
            value={lookup.input}
            placeholder={t('lookup.placeholder')}
            onChange={(_, data) => {
              lookup.setInput(data.value);
            }}
          />
        </Field>
        <Button className={styles.button} type="submit" appearance="primary" icon={<SearchRegular />} disabled={lookup.input.trim() === ''}>
          {t('lookup.submit')}
        </Button>
      </form>
      <div className={styles.result} aria-live="polite">
        {result.loading && <Spinner size="tiny" label={t('lookup.looking')} />}
        {result.error !== null && <ErrorMessageBar error={result.error} />}
        {result.data !== null && renderResult(result.data)}
      </div>
      {children}
    </section>
  );
}
