import type { Dispatch } from 'react';
import type { DataSourceView } from '../../../contracts/index.ts';
import type { DataSourceForm } from './form/data-source-form.ts';
import type { FormAction } from './form/form-reducer.ts';
import type { FieldErrors } from './form/validate-step.ts';

/** What every step gets: the shared form, how to change it, its errors (once shown), and the saved source when editing. */
export interface StepProps {
  form: DataSourceForm;
  dispatch: Dispatch<FormAction>;
  errors: FieldErrors;
  source: DataSourceView | null;
}
