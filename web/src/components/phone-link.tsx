import type { MouseEvent } from 'react';
import { Link, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { CallRegular, PhoneRegular, PrintRegular, PersonCallRegular, type FluentIcon } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ContactPhone, PhoneType } from '../../../contracts/index.ts';
import { phoneLabel, telHref } from '../format.ts';
import { useHost } from '../hooks/use-host.ts';

const ICONS: Record<PhoneType, FluentIcon> = {
  business: CallRegular,
  mobile: PhoneRegular,
  businessFax: PrintRegular,
};

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  icon: { flexShrink: 0, color: tokens.colorNeutralForeground3, fontSize: '16px' },
  label: { color: tokens.colorNeutralForeground3, minWidth: '56px' },
  link: { whiteSpace: 'nowrap' },
  teams: { display: 'inline-flex', alignItems: 'center', fontSize: '16px' },
});

/**
 * A Teams call to a phone number (`4:` marks a PSTN participant). Needs E.164, so numbers that could
 * not be read have none; a fax has none either.
 */
export function teamsCallHref(phone: ContactPhone): string | null {
  if (phone.e164 === null || phone.type === 'businessFax') return null;
  return `https://teams.microsoft.com/l/call/0/0?users=4:${phone.e164}`;
}

export interface PhoneLinkProps {
  phone: ContactPhone;
}

/** One number, labelled with its kind, dialable through `tel:` and callable in Teams. */
export function PhoneLink({ phone }: PhoneLinkProps) {
  const styles = useStyles();
  const host = useHost();
  const { t } = useTranslation('directory');
  const Icon = ICONS[phone.type];
  const label = phoneLabel(phone.type);
  const teamsHref = teamsCallHref(phone);
  const callInTeams = t(`callInTeams.${phone.type}`, { number: phone.display });
  // Inside Teams the host opens its own deep links; a new tab would leave Teams for the browser.
  const openInHost = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (host.kind !== 'teams' || teamsHref === null) return;
    event.preventDefault();
    host.openLink(teamsHref);
  };
  return (
    <span className={styles.row}>
      <Icon className={styles.icon} aria-hidden />
      <Text size={200} className={styles.label}>
        {label}
      </Text>
      <Link className={styles.link} href={telHref(phone)} aria-label={`${label} ${phone.display}`} title={phone.problem ? undefined : phone.original}>
        {phone.display}
      </Link>
      {teamsHref !== null && (
        <Tooltip content={callInTeams} relationship="label">
          <Link className={styles.teams} href={teamsHref} target="_blank" rel="noreferrer" onClick={openInHost}>
            <PersonCallRegular aria-hidden />
          </Link>
        </Tooltip>
      )}
    </span>
  );
}
