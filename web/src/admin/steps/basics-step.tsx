import { Field, Input, Switch, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../contracts/index.ts';
import type { StepProps } from '../step-props.ts';
import { useStepStyles } from '../step-styles.ts';
import { useValidationMessage } from '../use-validation-message.ts';
import { ScheduleFields } from './schedule-fields.tsx';

/** Step 1: name, identifier (fixed once created), description, start behaviour and schedule. */
export function BasicsStep(props: StepProps) {
  const { form, dispatch, errors, source } = props;
  const styles = useStepStyles();
  const { t } = useTranslation('wizard');
  const message = useValidationMessage();
  const creating = source === null;
  return (
    <div className={styles.fields}>
      <Field label={t('basics.name')} hint={t('basics.nameHint')} required validationMessage={message(errors.name)}>
        <Input
          value={form.name}
          maxLength={LIMITS.nameMaxLength}
          onChange={(_, data) => dispatch({ type: 'basics', patch: { name: data.value } })}
        />
      </Field>
      <Field
        label={t('basics.id')}
        hint={creating ? t('basics.idHint') : t('basics.idFixed')}
        required={creating}
        validationMessage={message(errors.id)}
      >
        <Input
          value={form.id}
          readOnly={!creating}
          maxLength={63}
          spellCheck={false}
          autoComplete="off"
          onChange={(_, data) => dispatch({ type: 'id', id: data.value })}
        />
      </Field>
      <Field label={t('basics.description')} validationMessage={message(errors.description)}>
        <Textarea
          value={form.description}
          maxLength={LIMITS.descriptionMaxLength}
          resize="vertical"
          onChange={(_, data) => dispatch({ type: 'basics', patch: { description: data.value } })}
        />
      </Field>
      <Field hint={t('basics.autoStartHint')}>
        <Switch
          label={t('basics.autoStart')}
          checked={form.autoStart}
          onChange={(_, data) => dispatch({ type: 'basics', patch: { autoStart: data.checked } })}
        />
      </Field>
      <ScheduleFields {...props} />
    </div>
  );
}
