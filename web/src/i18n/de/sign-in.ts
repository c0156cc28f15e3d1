import type { signIn as en } from '../en/sign-in.ts';
import type { Translation } from '../translations.ts';

export const signIn: Translation<typeof en> = {
  demoIntro: 'Demo-Anmeldung: Wählen Sie, wer Sie sind.',
  signInAs: 'Als {{name}} anmelden',
  administrator: '{{username}} (Administrator)',
  noDemoUsers: 'Es sind keine Demo-Benutzer eingerichtet.',
  entraIntro: 'Melden Sie sich mit Ihrem Geschäftskonto an, um das Firmenverzeichnis zu nutzen.',
  withMicrosoft: 'Mit Microsoft anmelden',
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  expired: 'Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
  failed: 'Anmeldung fehlgeschlagen. Versuchen Sie es erneut.',
  cancelled: 'Die Anmeldung wurde abgebrochen.',
  inProgress: 'In einem anderen Fenster ist bereits eine Anmeldung geöffnet. Schließen Sie sie dort ab, oder schließen Sie das Fenster und versuchen Sie es erneut.',
  popupBlocked: 'Der Browser hat das Anmeldefenster von Microsoft blockiert. Erlauben Sie Pop-ups für diese Seite und versuchen Sie es erneut.',
  signInAgain: 'Melden Sie sich erneut an, um fortzufahren.',
  noTenant: 'Das Graph-Token nennt keinen Mandanten.',
};
