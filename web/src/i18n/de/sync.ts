import type { sync as en } from '../en/sync.ts';
import type { Translation } from '../translations.ts';

export const sync: Translation<typeof en> = {
  phase: {
    idle: 'Bereit',
    initial: 'Erstimport',
    delta: 'Änderungen werden gelesen',
    throttled: 'Wartet auf Drosselung',
    error: 'Fehler',
    upToDate: 'Aktuell',
  },
  mode: { full: 'Vollständiger Import', delta: 'Nur Änderungen' },
  format: {
    everyHour: 'stündlich',
    every: 'alle {{duration}}',
    eta: 'noch etwa {{duration}}',
    readOfTotal: '{{read}} von {{total}}',
    readBeyondTotal: '{{read}} ({{total}} beim Start gezählt)',
    throttling: '{{responses}} × 429, {{duration}} gewartet',
  },
  progress: {
    importing: 'Importiert: {{progress}}',
    starting: 'Import wird gestartet…',
    readingChanges: 'Änderungen werden gelesen…',
    throttled: 'Wartet: Microsoft 365 hat um Verlangsamung gebeten',
    label: 'Importfortschritt von {{name}}',
  },
  details: {
    unavailable: 'Status nicht verfügbar: {{reason}}',
    loading: 'Synchronisierungsstatus wird geladen…',
    phase: 'Phase',
    running: '{{phase}} (läuft)',
    mode: 'Modus',
    lastRound: 'Letzter Durchlauf',
    read: 'Gelesen',
    contacts: 'Kontakte',
    requests: 'Anfragen',
    throttled: 'Gedrosselt',
    rate: 'Rate',
    timeLeft: 'Restzeit',
    lastSuccess: 'Letzter Erfolg',
    lastDuration: 'Letzte Dauer',
    lastError: 'Letzter Fehler',
    nextRun: 'Nächster Lauf',
    runningNow: 'Läuft gerade',
    schedule: 'Zeitplan',
  },
  error: {
    app_removed:
      'Die Datenquelle hat keine App-Zugangsdaten: Ihre App wurde entfernt. Erzeugen Sie eine App, oder geben Sie die Zugangsdaten einer vorhandenen ein.',
    secret_rejected:
      'Microsoft Entra hat die Zugangsdaten der App abgelehnt: Der geheime Clientschlüssel ist falsch oder abgelaufen. Erzeugen Sie die App neu, oder geben Sie einen neuen Schlüssel ein.',
    app_unknown: 'Microsoft Entra kennt diese App im Mandanten nicht: Vielleicht wurde sie entfernt. Erzeugen Sie die App neu.',
    tenant_not_found: 'Die Mandanten-ID wurde in Microsoft Entra nicht gefunden. Prüfen Sie die Mandanten-ID.',
    permission_missing:
      'Die App darf keine E-Mail-Kontakte lesen: Ihr fehlt die Berechtigung OrgContact.Read.All oder die Administratorzustimmung. Verwenden Sie „Zugriff prüfen“.',
    token_rejected: 'Microsoft Graph hat das Token der App nicht angenommen. Prüfen Sie die App-Registrierung.',
    throttled: 'Microsoft Graph hat die Anfragen wiederholt gedrosselt; der nächste Durchlauf macht dort weiter, wo dieser aufgehört hat.',
    graph_server_error: 'Microsoft Graph hat mit einem Serverfehler geantwortet (HTTP {{status}}); der nächste Durchlauf macht dort weiter, wo dieser aufgehört hat.',
    network: 'Microsoft 365 war nicht erreichbar (Netzwerk). Der nächste Durchlauf macht dort weiter, wo dieser aufgehört hat.',
    unexpected: 'Die Synchronisierung wurde durch einen unerwarteten Fehler beendet; Einzelheiten stehen im Serverprotokoll.',
    cancelled: 'Die Synchronisierung wurde vor ihrem Ende gestoppt; der nächste Durchlauf macht dort weiter, wo sie aufgehört hat.',
  },
  announce: {
    throttled: '{{name}}: wartet, Microsoft 365 hat um Verlangsamung gebeten.',
    delta: '{{name}}: Änderungen werden gelesen.',
    initial: '{{name}}: Erstimport läuft.',
    failed: '{{name}}: Synchronisierung fehlgeschlagen. {{error}}',
    finished: '{{name}}: Synchronisierung abgeschlossen.',
  },
};
