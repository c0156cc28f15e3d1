import type { ReactNode } from 'react';
import { Card, Link, makeStyles, Persona, tokens } from '@fluentui/react-components';
import { MailRegular } from '@fluentui/react-icons';
import type { Contact } from '../../../contracts/index.ts';
import { contactName } from '../format.ts';
import { PhoneLink } from './phone-link.tsx';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
  },
  persona: { minWidth: '220px', flex: '1 1 240px' },
  contactLines: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flex: '0 1 auto',
    minWidth: 0,
  },
  mail: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  mailIcon: { flexShrink: 0, color: tokens.colorNeutralForeground3, fontSize: '16px' },
  mailLink: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  footer: { flexBasis: '100%' },
});

export interface ContactCardProps {
  contact: Contact;
  /** Extra line under the card, e.g. why a lookup matched. */
  footer?: ReactNode;
}

/** A contact: who (Persona), and how to reach them (mail, phone numbers). */
export function ContactCard({ contact, footer }: ContactCardProps) {
  const styles = useStyles();
  const name = contactName(contact);
  const role = [contact.jobTitle, contact.department].filter((part) => part !== null && part !== '').join(' · ');
  const company = contact.companyName !== name ? contact.companyName : null;
  return (
    <Card className={styles.card} appearance="filled-alternative" size="small" aria-label={name}>
      <Persona
        className={styles.persona}
        size="large"
        name={name}
        secondaryText={role !== '' ? role : undefined}
        tertiaryText={company ?? undefined}
        avatar={{ color: 'colorful', 'aria-hidden': true }}
      />
      <div className={styles.contactLines}>
        {contact.mail !== null && contact.mail !== '' && (
          <span className={styles.mail}>
            <MailRegular className={styles.mailIcon} aria-hidden />
            <Link className={styles.mailLink} href={`mailto:${contact.mail}`}>
              {contact.mail}
            </Link>
          </span>
        )}
        {contact.phones.map((phone, index) => (
          <PhoneLink key={`${phone.type}-${String(index)}`} phone={phone} />
        ))}
      </div>
      {footer !== undefined && <div className={styles.footer}>{footer}</div>}
    </Card>
  );
}
