import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ContactCard } from '../components/contact-card.tsx';
import { PHONE_LABELS } from '../format.ts';
import type { LookupOutcome } from './lookup-outcome.ts';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

/** Whom a lookup found, or why nobody: numbers can be ambiguous or unreadable. */
export function LookupResult({ outcome }: { outcome: LookupOutcome }) {
  const styles = useStyles();
  if (outcome.kind === 'mail') {
    if (outcome.response.contacts.length === 0) return <Body1 block>No contact has the address {outcome.query}.</Body1>;
    return outcome.response.contacts.map((contact) => <ContactCard key={contact.id} contact={contact} />);
  }
  const { match, ambiguous, readings } = outcome.response;
  if (match !== null) {
    const why =
      match.rule === 'company'
        ? `An extension of ${match.number} that nobody in the directory has: shown as the company.`
        : `Matched ${match.number} on the ${PHONE_LABELS[match.field].toLowerCase()} number.`;
    return <ContactCard contact={match.contact} footer={<Caption1 className={styles.muted}>{why}</Caption1>} />;
  }
  const detail = ambiguous
    ? `It reads as ${readings.join(' or ')}; enter it with the country or area code to decide.`
    : readings.length === 0
      ? `“${outcome.query}” could not be read as a phone number.`
      : `Searched for ${readings.join(', ')}.`;
  return (
    <div>
      <Body1 block>{ambiguous ? 'This number could belong to several contacts.' : 'No contact for this number.'}</Body1>
      <Caption1 block className={styles.muted}>
        {detail}
      </Caption1>
    </div>
  );
}
