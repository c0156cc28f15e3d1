import { Avatar, Badge, Button, makeStyles, mergeClasses, Text, Title3, tokens } from '@fluentui/react-components';
import { CallConnectingRegular, SignOutRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contracts/index.ts';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginRight: 'auto',
    flexShrink: 0,
  },
  // Narrow panes (Outlook's side panel): the button keeps its icon and accessible name only.
  signOutText: { '@media (max-width: 480px)': { display: 'none' } },
  logo: { fontSize: '28px', color: tokens.colorBrandForeground1 },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, flexShrink: 1 },
  userName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // Read out, but not drawn, where there is no room (the avatar's initials stay).
  narrowHidden: {
    '@media (max-width: 480px)': {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    },
  },
});

export interface AppHeaderProps {
  me: Me;
  onSignOut: (() => void) | null;
}

/** Product name, the signed-in user, and sign-out. */
export function AppHeader({ me, onSignOut }: AppHeaderProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const name = me.name ?? me.username ?? t('header.signedIn');
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <CallConnectingRegular className={styles.logo} aria-hidden />
        <Title3 as="h1">{t('appName')}</Title3>
      </div>
      <div className={styles.user} aria-label={t('header.signedInUser')}>
        <Avatar name={name} size={28} color="colorful" aria-hidden title={name} />
        <Text className={mergeClasses(styles.userName, styles.narrowHidden)} title={me.username ?? undefined}>
          {name}
        </Text>
        {me.isAdmin && (
          <Badge className={styles.narrowHidden} appearance="tint" color="brand">
            {t('header.admin')}
          </Badge>
        )}
      </div>
      {onSignOut !== null && (
        <Button appearance="subtle" icon={<SignOutRegular />} onClick={onSignOut} aria-label={t('header.signOut')}>
          <span className={styles.signOutText}>{t('header.signOut')}</span>
        </Button>
      )}
    </header>
  );
}
