import type { sidePanel as en } from '../en/side-panel.ts';
import type { Translation } from '../translations.ts';

export const sidePanel: Translation<typeof en> = {
  sender: 'Absender',
  outsideOutlook: 'Öffnen Sie Switchboard neben einer Nachricht in Outlook, um hier deren Absender zu sehen.',
  selectMessage: 'Wählen Sie eine Nachricht aus, um zu sehen, wer sie gesendet hat.',
  lookingUpSender: '{{who}} wird nachgeschlagen…',
  notInDirectory: 'Nicht im Verzeichnis.',
  noContactWithAddress: 'Kein Kontakt hat die Adresse von {{who}}.',
  lookupLabel: 'Telefonnummer oder E-Mail-Adresse',
  recent: 'Zuletzt nachgeschlagen',
  noMatch: 'kein Treffer',
  noContactForMail: 'Kein Kontakt hat die Adresse {{address}}.',
};
