import type { ReactNode } from 'react';
import { Badge, Card, Link, makeStyles, Persona, tokens } from '@fluentui/react-components';
import { MailRegular } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Contact, SearchField, SearchMatch } from '../../../contracts/index.ts';
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
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: 'inherit',
    borderRadius: tokens.borderRadiusSmall,
    fontWeight: tokens.fontWeightSemibold,
  },
  markedPhone: { backgroundColor: tokens.colorPaletteYellowBackground2, borderRadius: tokens.borderRadiusSmall },
  why: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, flexBasis: '100%' },
  footer: { flexBasis: '100%' },
});

export interface ContactCardProps {
  contact: Contact;
  /** Why the contact is a search hit: what matched is highlighted, sounds-alike and typos are named. */
  matches?: readonly SearchMatch[];
  /** Extra line under the card, e.g. why a lookup matched. */
  footer?: ReactNode;
}

const NAME_FIELDS: readonly SearchField[] = ['surname', 'givenName', 'displayName'];

/** `text` with every occurrence of `marks` (any case) highlighted. */
function Highlighted({ text, marks, className }: { text: string; marks: readonly string[]; className: string }) {
  const marked = new Array<boolean>(text.length).fill(false);
  const lower = text.toLocaleLowerCase();
  for (const mark of marks) {
    const needle = mark.toLocaleLowerCase();
    if (needle === '') continue;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) marked.fill(true, at, at + needle.length);
  }
  const parts: { text: string; marked: boolean }[] = [];
  marked.forEach((isMarked, i) => {
    const last = parts.at(-1);
    if (last !== undefined && last.marked === isMarked) last.text += text.charAt(i);
    else parts.push({ text: text.charAt(i), marked: isMarked });
  });
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className={className}>
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** What a non-exact match says about the query term: it sounded like the name, or had a typing error. */
function whyText(t: TFunction<'directory'>, match: SearchMatch): string | null {
  if (match.kind === 'phonetic') return t('search.soundsLike', { term: match.term });
  if (match.kind === 'typo') return t('search.typo', { term: match.term });
  return null;
}

/** A contact: who (Persona), and how to reach them (mail, phone numbers). */
export function ContactCard({ contact, matches = [], footer }: ContactCardProps) {
  const styles = useStyles();
  const { t } = useTranslation('directory');
  const name = contactName(contact);
  const role = [contact.jobTitle, contact.department].filter((part) => part !== null && part !== '').join(' · ');
  const company = contact.companyName !== name ? contact.companyName : null;
  const marksIn = (fields: readonly SearchField[]) => matches.filter((m) => fields.includes(m.field)).map((m) => m.text);
  const show = (text: string, fields: readonly SearchField[]) => <Highlighted text={text} marks={marksIn(fields)} className={styles.mark} />;
  const reasons = matches.flatMap((m) => {
    const why = whyText(t, m);
    return why === null ? [] : [{ why, title: t('search.foundAs', { term: m.term, text: m.text }) }];
  });
  return (
    <Card className={styles.card} appearance="filled-alternative" size="small" aria-label={name}>
      <Persona
        className={styles.persona}
        size="large"
        name={name}
        primaryText={{ children: show(name, company === null ? [...NAME_FIELDS, 'companyName'] : NAME_FIELDS) }}
        secondaryText={role !== '' ? { children: show(role, ['department']) } : undefined}
        tertiaryText={company !== null ? { children: show(company, ['companyName']) } : undefined}
        avatar={{ color: 'colorful', 'aria-hidden': true }}
      />
      <div className={styles.contactLines}>
        {contact.mail !== null && contact.mail !== '' && (
          <span className={styles.mail}>
            <MailRegular className={styles.mailIcon} aria-hidden />
            <Link className={styles.mailLink} href={`mailto:${contact.mail}`}>
              {show(contact.mail, ['mail'])}
            </Link>
          </span>
        )}
        {contact.phones.map((phone, index) => {
          const matched = matches.some((m) => m.field === 'phone' && m.text === phone.display);
          return (
            <span key={`${phone.type}-${String(index)}`} className={matched ? styles.markedPhone : undefined}>
              <PhoneLink phone={phone} />
            </span>
          );
        })}
      </div>
      {reasons.length > 0 && (
        <div className={styles.why}>
          {reasons.map(({ why, title }) => (
            <Badge key={why} appearance="tint" color="informative" size="medium" title={title}>
              {why}
            </Badge>
          ))}
        </div>
      )}
      {footer !== undefined && <div className={styles.footer}>{footer}</div>}
    </Card>
  );
}
