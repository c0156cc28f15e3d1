import { useId, useState } from 'react';
import { Body1, Field, makeStyles, SearchBox, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { PeopleSearchRegular } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../contracts/limits.ts';
import { SEARCH_LIMIT, useSearch } from '../hooks/use-search.ts';
import { ErrorMessageBar } from './error-message-bar.tsx';
import { ResultsSkeleton } from './results-skeleton.tsx';
import { SearchResults } from './search-results.tsx';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  searchRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  field: { flexGrow: 1 },
  searchBox: { width: '100%', maxWidth: 'none' },
  status: { color: tokens.colorNeutralForeground3, minHeight: '20px' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
  },
  emptyIcon: { fontSize: '40px' },
  stale: { opacity: 0.6, transitionProperty: 'opacity', transitionDuration: tokens.durationFast },
  spinner: { visibility: 'hidden' },
  spinnerVisible: { visibility: 'visible' },
});

function resultCountText(t: TFunction<'directory'>, query: string, count: number | null, loading: boolean): string {
  if (query === '') return '';
  if (loading || count === null) return t('search.searching');
  if (count === 0) return t('search.noneFound', { query });
  // The API sends at most SEARCH_LIMIT hits and no total: a full page means "maybe more".
  if (count >= SEARCH_LIMIT) return t('search.best', { count, query });
  return t('search.found', { count, query });
}

/** Search people as you type. */
export function DirectorySearch() {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useTranslation('directory');
  const [input, setInput] = useState('');
  const search = useSearch(input);
  const hits = search.response?.hits ?? null;
  const countText = resultCountText(t, search.query, hits?.length ?? null, search.loading);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {t('search.heading')}
      </Subtitle2>
      <div className={styles.searchRow}>
        <Field className={styles.field} label={t('search.label')}>
          <SearchBox
            className={styles.searchBox}
            size="large"
            value={input}
            maxLength={LIMITS.queryMaxLength}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            onChange={(_, data) => {
              setInput(data.value);
            }}
          />
        </Field>
      </div>
      <div className={styles.searchRow}>
        <Body1 className={styles.status} role="status" aria-live="polite" aria-atomic>
          {countText}
        </Body1>
        <Spinner
          size="extra-tiny"
          className={search.loading && search.query !== '' ? styles.spinnerVisible : styles.spinner}
          aria-hidden
        />
      </div>
      {search.error !== null && !search.loading && <ErrorMessageBar error={search.error} />}
      {search.query === '' && input.trim() === '' && (
        <div className={styles.empty}>
          <PeopleSearchRegular className={styles.emptyIcon} aria-hidden />
          <Body1>{t('search.empty')}</Body1>
        </div>
      )}
      {hits === null && search.loading && search.query !== '' && <ResultsSkeleton />}
      {hits !== null && hits.length === 0 && !search.loading && (
        <div className={styles.empty}>
          <PeopleSearchRegular className={styles.emptyIcon} aria-hidden />
          <Body1>{t('search.nobody', { query: search.query })}</Body1>
        </div>
      )}
      {hits !== null && hits.length > 0 && (
        <div className={search.loading ? styles.stale : undefined}>
          <SearchResults hits={hits} label={t('search.results', { query: search.response?.query ?? search.query })} />
        </div>
      )}
    </section>
  );
}
