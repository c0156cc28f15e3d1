import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LookupResponse } from '../../../contracts/index.ts';
import { ContactCard } from './contact-card.tsx';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** Whom a number lookup found, or why nobody: numbers can be ambiguous or unreadable. */
export function NumberLookupResult({ response }: { response: LookupResponse }) {
  const styles = useStyles();
  const { t } = useTranslation('directory');
  const { match, ambiguous, readings } = response;
  if (match !== null) {
    const why =
      match.rule === 'company' ? t('lookup.company', { number: match.number }) : t(`lookup.matched.${match.field}`, { number: match.number });
    return <ContactCard contact={match.contact} footer={<Caption1 className={styles.muted}>{why}</Caption1>} />;
  }
  const detail = ambiguous
    ? t('lookup.readsAs', { readings: readings.join(t('lookup.or')) })
    : readings.length === 0
      ? t('lookup.unreadable', { input: response.input })
      : t('lookup.searchedFor', { readings: readings.join(', ') });
  return (
    <div>
      <Body1 block>{ambiguous ? t('lookup.ambiguous') : t('lookup.noMatch')}</Body1>
      <Caption1 block className={styles.muted}>
        {detail}
      </Caption1>
    </div>
  );
}
