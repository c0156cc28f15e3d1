/** Outlook's side panel: the selected message's sender, and lookups by hand. */
export const sidePanel = {
  sender: 'Sender',
  outsideOutlook: 'Open Switchboard beside a message in Outlook to see its sender here.',
  selectMessage: 'Select a message to see who sent it.',
  lookingUpSender: 'Looking up {{who}}…',
  notInDirectory: 'Not in the directory.',
  noContactWithAddress: 'No contact has the address of {{who}}.',
  lookupLabel: 'Phone number or mail address',
  recent: 'Recent lookups',
  noMatch: 'no match',
  noContactForMail: 'No contact has the address {{address}}.',
} as const;
