import type { errors as en } from '../en/errors.ts';
import type { Translation } from '../translations.ts';

export const errors: Translation<typeof en> = {
  generic: 'Etwas ist schiefgegangen',
  network: 'Switchboard ist nicht erreichbar',
  networkDetail: 'Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  unexpected: 'Unerwartete Antwort des Servers',
  signedOut: 'Sie sind abgemeldet',
  signedOutDetail: 'Melden Sie sich erneut an, um fortzufahren.',
  validation: 'Bitte Eingaben prüfen',
  disabled: 'Diese Datenquelle ist deaktiviert',
  disabledDetail: 'Aktivieren Sie sie, um zu synchronisieren.',
  signInFailed: 'Anmeldung fehlgeschlagen',
  forbidden: 'Dazu sind Sie nicht berechtigt',
  notFound: 'Nicht gefunden',
  exists: 'Eine Datenquelle mit dieser Kennung existiert bereits',
  rateLimited: 'Zu viele Anfragen',
  rateLimitedDetail: 'Warten Sie einen Moment und versuchen Sie es erneut.',
  server: 'Der Server hatte ein Problem',
  requestFailed: 'Anfrage fehlgeschlagen (HTTP {{status}})',
};
