import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CallRegular, PhoneRegular, PrintRegular, type FluentIcon } from '@fluentui/react-icons';
import type { ContactPhone, PhoneType } from '../../../contracts/index.ts';
import { PHONE_LABELS, telHref } from '../format.ts';

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
});

export interface PhoneLinkProps {
  phone: ContactPhone;
}

/** One number, labelled with its kind, dialable through `tel:`. */
export function PhoneLink({ phone }: PhoneLinkProps) {
  const styles = useStyles();
  const Icon = ICONS[phone.type];
  const label = PHONE_LABELS[phone.type];
  return (
    <span className={styles.row}>
      <Icon className={styles.icon} aria-hidden />
      <Text size={200} className={styles.label}>
        {label}
      </Text>
      <Link className={styles.link} href={telHref(phone)} aria-label={`${label} ${phone.display}`} title={phone.problem ? undefined : phone.original}>
        {phone.display}
      </Link>
    </span>
  );
}
