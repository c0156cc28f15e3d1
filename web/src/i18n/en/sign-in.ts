/** Signing in: the demo's user picker, Entra's prompt, and what went wrong. */
export const signIn = {
  demoIntro: 'Demo sign-in: choose who you are.',
  signInAs: 'Sign in as {{name}}',
  administrator: '{{username}} (administrator)',
  noDemoUsers: 'No demo users are configured.',
  entraIntro: 'Sign in with your work account to use the company directory.',
  withMicrosoft: 'Sign in with Microsoft',
  sessionEnded: 'Your session has ended. Sign in again.',
  expired: 'Your sign-in has expired. Sign in again to continue.',
  failed: 'Sign-in failed. Try again.',
  cancelled: 'Sign-in was cancelled.',
  inProgress: 'A sign-in is already open in another window. Finish it there, or close it and try again.',
  popupBlocked: 'The browser blocked the Microsoft sign-in window. Allow pop-ups for this site and try again.',
  signInAgain: 'Sign in again to continue.',
  noTenant: 'The Graph token names no tenant.',
} as const;
