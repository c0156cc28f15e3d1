import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ContactCard } from '../components/contact-card.tsx';
import { NumberLookupResult } from '../components/number-lookup-result.tsx';
import type { LookupOutcome } from './lookup-outcome.ts';

/** Whom a lookup found: by number as in the tab, or the contacts with a mail address. */
export function LookupResult({ outcome }: { outcome: LookupOutcome }) {
  const { t } = useTranslation('sidePanel');
  if (outcome.kind === 'number') return <NumberLookupResult response={outcome.response} />;
  if (outcome.response.contacts.length === 0) return <Body1 block>{t('noContactForMail', { address: outcome.query })}</Body1>;
  return outcome.response.contacts.map((contact) => <ContactCard key={contact.id} contact={contact} />);
}
