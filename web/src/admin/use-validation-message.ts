import { useTranslation } from 'react-i18next';
import type { ValidationMessage } from './form/validate-step.ts';

/** The sentence for a field's problem, for `Field`'s `validationMessage` (undefined: no problem). */
export function useValidationMessage(): (message: ValidationMessage | undefined) => string | undefined {
  const { t } = useTranslation('wizard');
  return (message) => (message === undefined ? undefined : t(`validation.${message}`));
}
