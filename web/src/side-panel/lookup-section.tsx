import { useId } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { MAIL_MAX_LENGTH } from '../../../contracts/index.ts';
import type { ApiClient } from '../api/client.ts';
import { LookupForm, useLookup } from '../components/lookup-form.tsx';
import { foundName, runLookup } from './lookup-outcome.ts';
import { LookupResult } from './lookup-result.tsx';
import { useRecentLookups } from './recent-lookups.ts';

const useStyles = makeStyles({
  section: { gap: tokens.spacingVerticalS },
  recent: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  recentButton: { justifyContent: 'flex-start', width: '100%', minWidth: 0, fontWeight: tokens.fontWeightRegular },
  recentText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A number (or mail address) pasted by hand, and the last few looked up. */
export function LookupSection({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const recentId = useId();
  const { t } = useTranslation('sidePanel');
  const { recent, remember } = useRecentLookups();
  const lookup = useLookup(async (query, signal) => {
    const outcome = await runLookup(api, query, signal);
    remember({ query: outcome.query, name: foundName(outcome) });
    return outcome;
  });

  return (
    <LookupForm
      lookup={lookup}
      className={styles.section}
      label={t('lookupLabel')}
      // Room for a mail address, the longer kind; the API checks each kind's own limit.
      input={{ maxLength: MAIL_MAX_LENGTH }}
      renderResult={(outcome) => <LookupResult outcome={outcome} />}
    >
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
                    lookup.run(entry.query);
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
    </LookupForm>
  );
}
