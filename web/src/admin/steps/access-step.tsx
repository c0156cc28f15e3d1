import { Field, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AccessMode, DataSourceForm } from '../form/data-source-form.ts';
import type { StepProps } from '../step-props.ts';
import { useStepStyles } from '../step-styles.ts';
import { useValidationMessage } from '../use-validation-message.ts';
import { DirectoryPicker } from './directory-picker.tsx';

const MODES: readonly AccessMode[] = ['everyone', 'groups', 'users'];

/** The app the pickers search with: the one generated in step 2, else the saved source's. */
function searchCredentials(form: DataSourceForm, sourceId: string | null): { credentialId: string } | { sourceId: string } | null {
  if (form.credentials.kind === 'generated') return { credentialId: form.credentials.app.credentialId };
  if (form.credentials.kind === 'stored' && sourceId !== null) return { sourceId };
  return null;
}

/** Step 4: everyone, members of groups, or listed users; groups and users are found in Graph. */
export function AccessStep({ form, dispatch, errors, source }: StepProps) {
  const styles = useStepStyles();
  const { t } = useTranslation('wizard');
  const message = useValidationMessage();
  const searchWith = searchCredentials(form, source?.id ?? null);
  const kind = form.accessMode === 'everyone' ? null : form.accessMode;

  return (
    <div className={styles.fields}>
      <Field label={t('access.mode')}>
        <RadioGroup
          value={form.accessMode}
          onChange={(_, data) => {
            const mode = MODES.find((m) => m === data.value);
            if (mode !== undefined) dispatch({ type: 'accessMode', mode });
          }}
        >
          {MODES.map((mode) => (
            <Radio key={mode} value={mode} label={t(`access.${mode}`)} />
          ))}
        </RadioGroup>
      </Field>
      {kind !== null && searchWith === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('access.needsApp')}</MessageBarBody>
        </MessageBar>
      )}
      {kind !== null && searchWith !== null && (
        <DirectoryPicker
          key={kind}
          kind={kind}
          label={kind === 'groups' ? t('access.groupPicker') : t('access.userPicker')}
          selected={form[kind]}
          onChange={(list) => dispatch({ type: 'principals', kind, list })}
          searchWith={searchWith}
          validationMessage={message(errors[kind])}
        />
      )}
    </div>
  );
}
