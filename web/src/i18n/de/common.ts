import type { common as en } from '../en/common.ts';
import type { Translation } from '../translations.ts';

export const common: Translation<typeof en> = {
  appName: 'Switchboard',
  starting: 'Switchboard wird gestartet…',
  signingIn: 'Anmeldung läuft…',
  tryAgain: 'Erneut versuchen',
  loading: 'Wird geladen…',
  cancel: 'Abbrechen',
  close: 'Schließen',
  none: 'Keine',
  dash: '—',
  unknownSignInMode: 'Diese Version von Switchboard kennt die eingestellte Anmeldeart nicht.',
  header: {
    signedInUser: 'Angemeldete Person',
    signedIn: 'Angemeldet',
    admin: 'Admin',
    signOut: 'Abmelden',
  },
  main: {
    aside: 'Nummernsuche und Datenquellen',
  },
};
