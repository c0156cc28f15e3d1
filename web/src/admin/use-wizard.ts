import { useCallback, useMemo, useReducer, useState } from 'react';
import type { DataSourceView } from '../../../contracts/index.ts';
import { editSourceForm, newSourceForm } from './form/data-source-form.ts';
import { formReducer } from './form/form-reducer.ts';
import { updateRequest } from './form/save-request.ts';
import { hasErrors, validateStep, type FieldErrors, type ValidationContext } from './form/validate-step.ts';
import { stepIndex, WIZARD_STEPS, type WizardStep } from './form/wizard-steps.ts';

export type StepState = 'todo' | 'done' | 'invalid';

/**
 * The wizard's state: the form, the current step, how far the administrator got, and which
 * steps show their errors (those left or attempted, so nobody is scolded before typing).
 * Creating goes forward step by step; editing may jump anywhere.
 */
export function useWizard(initial: DataSourceView | null, takenIds: readonly string[]) {
  const [initialForm] = useState(() => (initial === null ? newSourceForm() : editSourceForm(initial)));
  const [form, dispatch] = useReducer(formReducer, initialForm);
  /** The saved source, refreshed when an action (REMOVE APP) changes it on the server. */
  const [source, setSource] = useState(initial);
  const [step, setStep] = useState<WizardStep>('basics');
  const [furthest, setFurthest] = useState(initial === null ? 0 : WIZARD_STEPS.length - 1);
  const [shown, setShown] = useState<ReadonlySet<WizardStep>>(new Set());
  const [attempt, setAttempt] = useState(0);

  const context = useMemo<ValidationContext>(() => ({ source, takenIds }), [source, takenIds]);
  const errorsOf = useCallback((target: WizardStep): FieldErrors => validateStep(target, form, context), [form, context]);
  const shownErrors = (target: WizardStep): FieldErrors => (shown.has(target) ? errorsOf(target) : {});

  const show = (steps: readonly WizardStep[]): void => {
    setShown((current) => new Set([...current, ...steps]));
  };

  const goTo = (target: WizardStep): void => {
    show([step]);
    setStep(target);
    setFurthest((far) => Math.max(far, stepIndex(target)));
  };

  /** Next step if this one is valid; else its errors show and `attempt` changes (to move focus to the first). */
  const next = (): void => {
    if (hasErrors(errorsOf(step))) {
      show([step]);
      setAttempt((n) => n + 1);
      return;
    }
    const following = WIZARD_STEPS[stepIndex(step) + 1];
    if (following !== undefined) goTo(following);
  };

  const back = (): void => {
    const previous = WIZARD_STEPS[stepIndex(step) - 1];
    if (previous !== undefined) goTo(previous);
  };

  /** Steps that keep the form from being saved; all of them show their errors from now on. */
  const invalidSteps = (): WizardStep[] => {
    const invalid = WIZARD_STEPS.filter((target) => hasErrors(errorsOf(target)));
    show(invalid);
    return invalid;
  };

  const stepState = (target: WizardStep): StepState => {
    if (shown.has(target) && hasErrors(errorsOf(target))) return 'invalid';
    return shown.has(target) || stepIndex(target) < furthest ? 'done' : 'todo';
  };

  return {
    form,
    dispatch,
    /**
     * Leaving would lose something: anything typed or generated for a new source; for a saved one,
     * a setting that saving would change (REMOVE APP has already happened on the server).
     */
    dirty: initial === null ? form !== initialForm : JSON.stringify(updateRequest(form)) !== JSON.stringify(updateRequest(initialForm)),
    source,
    setSource,
    step,
    goTo,
    next,
    back,
    canVisit: (target: WizardStep) => stepIndex(target) <= furthest,
    errors: shownErrors(step),
    invalidSteps,
    stepState,
    /** Changes after each failed "Next": the moment to focus the first invalid field. */
    attempt,
  };
}
