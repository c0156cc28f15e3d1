import { Link, Subtitle2, Text } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { entraAppPortalUrl } from '../../../../contracts/entra-portal.ts';
import { DefinitionList } from '../../components/definition-list.tsx';
import { formatAbsoluteTime } from '../../format.ts';
import type { Credentials } from '../form/data-source-form.ts';
import { useStepStyles } from '../step-styles.ts';
import { AppPermissions } from './app-permissions.tsx';

export interface AppCardProps {
  credentials: Extract<Credentials, { kind: 'generated' | 'stored' }>;
}

/** The app a data source uses: its ids, secret expiry and grants, and where to find it in Entra. */
export function AppCard({ credentials }: AppCardProps) {
  const styles = useStepStyles();
  const { t } = useTranslation('wizard');
  const generated = credentials.kind === 'generated' ? credentials.app : null;
  const { clientId, tenantId } = credentials.kind === 'generated' ? credentials.app : credentials;
  const rows = [
    { term: t('app.clientId'), value: clientId },
    { term: t('app.tenantId'), value: tenantId },
    ...(generated !== null ? [{ term: t('app.secretExpires'), value: formatAbsoluteTime(generated.secretExpiresAt) }] : []),
  ];
  return (
    <div className={styles.card}>
      <Subtitle2 as="h4" className={styles.heading}>
        {generated !== null ? t('app.generatedTitle', { name: generated.displayName }) : t('app.storedTitle')}
      </Subtitle2>
      <DefinitionList rows={rows} />
      {generated !== null && <AppPermissions granted={generated.permissions} />}
      {credentials.kind === 'stored' && credentials.appObjectId === null && <Text className={styles.muted}>{t('app.storedManual')}</Text>}
      <Link href={generated?.portalUrl ?? entraAppPortalUrl(clientId)} target="_blank" rel="noreferrer">
        {t('app.portal')} <OpenRegular aria-hidden />
      </Link>
    </div>
  );
}
