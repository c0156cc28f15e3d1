/** Words used all over the app. */
export const common = {
  appName: 'Switchboard',
  starting: 'Starting Switchboard…',
  signingIn: 'Signing in…',
  tryAgain: 'Try again',
  loading: 'Loading…',
  cancel: 'Cancel',
  close: 'Close',
  none: 'None',
  dash: '—',
  unknownSignInMode: 'This version of Switchboard does not know the configured sign-in mode.',
  header: {
    signedInUser: 'Signed-in user',
    signedIn: 'Signed in',
    admin: 'Admin',
    signOut: 'Sign out',
  },
  main: {
    aside: 'Lookup and data sources',
  },
} as const;
