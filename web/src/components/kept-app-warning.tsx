import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular, OpenRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ReplacedApp } from '../../../contracts/index.ts';
import { ApiError } from '../api/client.ts';
import { describeError } from '../api/error-text.ts';

export interface KeptAppWarningProps {
  app: ReplacedApp;
  onDismiss: () => void;
}

/**
 * An app a newly generated one replaced, which Entra did not let Switchboard delete: the save
 * stands, so this is a warning with Entra's reason and the way to the app, to delete it there.
 */
export function KeptAppWarning({ app, onDismiss }: KeptAppWarningProps) {
  const { t } = useTranslation(['sources', 'wizard', 'common']);
  const reason = app.problem === null ? null : describeError(new ApiError(app.problem.status, app.problem.code, app.problem)).detail;
  return (
    <MessageBar intent="warning" layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{t('keptApp.title', { clientId: app.clientId })}</MessageBarTitle>
        {reason !== null && `${reason} `}
        {t('keptApp.body')}{' '}
        <Link href={app.portalUrl} target="_blank" rel="noreferrer">
          {t('wizard:app.portal')} <OpenRegular aria-hidden />
        </Link>
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" icon={<DismissRegular />} aria-label={t('common:close')} onClick={onDismiss} />} />
    </MessageBar>
  );
}
