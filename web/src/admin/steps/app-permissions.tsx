import { Badge, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GRAPH_APP_PERMISSIONS, type GeneratedApp } from '../../../../contracts/index.ts';
import { useStepStyles } from '../step-styles.ts';

export interface AppPermissionsProps {
  /** What a generated app was granted; absent before generating (then the list says what it will get). */
  granted?: GeneratedApp['permissions'];
}

/** The Graph application permissions GENERATE APP asks for, why, and (once made) whether Entra granted them. */
export function AppPermissions({ granted }: AppPermissionsProps) {
  const styles = useStepStyles();
  const { t } = useTranslation('wizard');
  return (
    <ul className={styles.list} aria-label={t('app.needs')}>
      {GRAPH_APP_PERMISSIONS.map((permission) => {
        const grant = granted?.find((g) => g.name === permission.name);
        return (
          <li key={permission.name}>
            <Text weight="semibold">{permission.name}</Text> ({permission.required ? t('app.required') : t('app.optional')}):{' '}
            {t(`app.permission.${permission.name}`)}{' '}
            {grant !== undefined && (
              <Badge appearance="tint" color={grant.granted ? 'success' : 'warning'}>
                {grant.granted ? t('app.granted') : t('app.notGranted')}
              </Badge>
            )}
          </li>
        );
      })}
    </ul>
  );
}
