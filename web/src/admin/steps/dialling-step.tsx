import { Dropdown, Field, Input, Option, Radio, RadioGroup } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DiallingFields } from '../form/data-source-form.ts';
import type { StepProps } from '../step-props.ts';
import { useStepStyles } from '../step-styles.ts';
import { useValidationMessage } from '../use-validation-message.ts';
import { CountryField } from './country-field.tsx';
import { NumberPreview } from './number-preview.tsx';

const EXTENSION_LENGTHS = [1, 2, 3, 4, 5, 6] as const;
const DISPLAY_FORMATS = ['international', 'national', 'shortest'] as const;
const NOT_SET = 'none';

/** Step 3: the dialling profile stored numbers are read with, and a live preview of what it does to them. */
export function DiallingStep({ form, dispatch, errors }: StepProps) {
  const styles = useStepStyles();
  const { t } = useTranslation('wizard');
  const message = useValidationMessage();
  const { dialling } = form;
  const set = (patch: Partial<DiallingFields>): void => dispatch({ type: 'dialling', patch });
  const withoutSpaces = (text: string): string => text.replace(/\s+/g, '');
  const extensionText = dialling.extensionLength === null ? t('dialling.extensionNone') : t('dialling.extensionDigits', { count: dialling.extensionLength });

  return (
    <div className={styles.fields}>
      <CountryField value={dialling.country} onChange={(country) => set({ country })} validationMessage={message(errors.country)} />
      <div className={styles.row}>
        <Field className={styles.narrow} label={t('dialling.areaCode')} hint={t('dialling.areaCodeHint')} validationMessage={message(errors.areaCode)}>
          <Input inputMode="numeric" value={dialling.areaCode} onChange={(_, data) => set({ areaCode: withoutSpaces(data.value) })} />
        </Field>
        <Field className={styles.narrow} label={t('dialling.outsideLinePrefix')} hint={t('dialling.outsideLinePrefixHint')} validationMessage={message(errors.outsideLinePrefix)}>
          <Input inputMode="numeric" value={dialling.outsideLinePrefix} onChange={(_, data) => set({ outsideLinePrefix: withoutSpaces(data.value) })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field className={styles.narrow} label={t('dialling.mainNumber')} hint={t('dialling.mainNumberHint')} validationMessage={message(errors.mainNumber)}>
          <Input inputMode="numeric" value={dialling.mainNumber} onChange={(_, data) => set({ mainNumber: withoutSpaces(data.value) })} />
        </Field>
        <Field className={styles.narrow} label={t('dialling.extensionLength')} validationMessage={message(errors.extensionLength)}>
          <Dropdown
            value={extensionText}
            selectedOptions={[dialling.extensionLength === null ? NOT_SET : String(dialling.extensionLength)]}
            onOptionSelect={(_, data) => set({ extensionLength: data.optionValue === undefined || data.optionValue === NOT_SET ? null : Number(data.optionValue) })}
          >
            <Option value={NOT_SET}>{t('dialling.extensionNone')}</Option>
            {EXTENSION_LENGTHS.map((length) => (
              <Option key={length} value={String(length)}>
                {t('dialling.extensionDigits', { count: length })}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={t('dialling.displayFormat')}>
        <RadioGroup
          value={dialling.displayFormat}
          onChange={(_, data) => {
            const format = DISPLAY_FORMATS.find((f) => f === data.value);
            if (format !== undefined) set({ displayFormat: format });
          }}
        >
          {DISPLAY_FORMATS.map((format) => (
            <Radio key={format} value={format} label={t(`dialling.format.${format}`)} />
          ))}
        </RadioGroup>
      </Field>
      <NumberPreview dialling={dialling} />
    </div>
  );
}
