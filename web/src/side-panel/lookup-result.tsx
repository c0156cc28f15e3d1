import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ContactCard } from '../components/contact-card.tsx';
import type { LookupOutcome } from './lookup-outcome.ts';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** Whom a lookup found, or why nobody: numbers can be ambiguous or unreadable. */
export function LookupResult({ outcome }: { outcome: LookupOutcome }) {
  const styles = useStyles();
  const { t } = useTranslation(['directory', 'sidePanel']);
  if (outcome.kind === 'mail') {
    if (outcome.response.contacts.length === 0) return <Body1 block>{t('sidePanel:noContactForMail', { address: outcome.query })}</Body1>;
    return outcome.response.contacts.map((contact) => <ContactCard key={contact.id} contact={contact} />);
  }
  const { match, ambiguous, readings } = outcome.response;
  if (match !== null) {
    const why =
      match.rule === 'company' ? t('lookup.company', { number: match.number }) : t(`lookup.matched.${match.field}`, { number: match.number });
    return <ContactCard contact={match.contact} footer={<Caption1 className={styles.muted}>{why}</Caption1>} />;
  }
  const detail = ambiguous
    ? t('lookup.readsAs', { readings: readings.join(t('lookup.or')) })
    : readings.length === 0
      ? t('lookup.unreadable', { input: outcome.query })
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
