/** The seven steps, in the order the incumbents' wizard taught administrators. */
export const WIZARD_STEPS = ['basics', 'microsoft365', 'dialling', 'access', 'priority', 'approximation', 'overview'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const stepIndex = (step: WizardStep): number => WIZARD_STEPS.indexOf(step);
