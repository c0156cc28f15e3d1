/**
 * The slice of Office.js the Outlook side panel uses, typed here instead of pulling in all of
 * @types/office-js. Office.js itself comes from Microsoft's CDN (see taskpane.html): add-ins must
 * load it from there, and tests replace it with a stub of this shape.
 */
export interface OfficeEmailAddress {
  emailAddress: string;
  displayName: string;
}

/** `Office.context.mailbox.item` in read mode; null when a pinned pane has no message selected. */
export interface OfficeMessage {
  from?: OfficeEmailAddress | null;
}

export interface OfficeAsyncResult {
  status: string;
}

export interface OfficeMailbox {
  item?: OfficeMessage | null;
  addHandlerAsync(eventType: string, handler: () => void, callback?: (result: OfficeAsyncResult) => void): void;
}

export interface OfficeApi {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  HostType: { Outlook: string };
  EventType: { ItemChanged: string };
  context: { mailbox?: OfficeMailbox | null; displayLanguage?: string };
}

/** Office.js, when the page loaded it (only the side panel's page does). */
export function officeApi(): OfficeApi | undefined {
  return (globalThis as { Office?: OfficeApi }).Office;
}
