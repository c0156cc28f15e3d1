export type HeaderList = readonly (readonly [string, string])[];

const HSTS: readonly [string, string] = ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'];

/**
 * Where Microsoft 365 hosts frame a tab or add-in (Microsoft's published frame-ancestors list for
 * Teams, Outlook and the Microsoft 365 app, with the *.cloud.microsoft domains they move to).
 */
export const M365_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/** Office.js and the scripts it loads come from Microsoft's CDN; everything else is ours. */
const OFFICE_SCRIPT_HOSTS = ['https://appsforoffice.microsoft.com', 'https://res.cdn.office.net'];
/** TeamsJS fetches its list of valid host origins from here (it falls back to a built-in list). */
const TEAMS_JS_CONFIG_HOST = 'https://res.cdn.office.net';

/**
 * Pages and static files: framed only by Microsoft 365 hosts (and ourselves), scripts only from us
 * and the Office CDN, network calls only to us and the Entra authority MSAL signs in with. Styles
 * allow inline because Fluent UI's Griffel inserts them at run time. No X-Frame-Options: it cannot
 * list several hosts, and frame-ancestors supersedes it. The opener policy lets MSAL's sign-in
 * popup report back to this window.
 */
export function pageHeaders(authorityHost: string): HeaderList {
  return pageHeaderSet(authorityHost, 'same-origin-allow-popups');
}

/**
 * MSAL's redirect bridge page: it must not be cached, and it must keep its opener whatever origin
 * the sign-in passed through, so it goes without an opener policy (MSAL v5's documented setup).
 */
export function redirectBridgeHeaders(authorityHost: string): HeaderList {
  return [['Cache-Control', 'no-store'], ...pageHeaderSet(authorityHost, null)];
}

function pageHeaderSet(authorityHost: string, openerPolicy: string | null): HeaderList {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_SCRIPT_HOSTS.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${authorityHost} ${TEAMS_JS_CONFIG_HOST}`,
    `frame-src 'self' ${authorityHost}`,
    `frame-ancestors 'self' ${M365_FRAME_ANCESTORS.join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  return [
    ['Content-Security-Policy', csp],
    ...(openerPolicy ? [['Cross-Origin-Opener-Policy', openerPolicy] as const] : []),
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'no-referrer'],
    HSTS,
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
  ];
}

/**
 * JSON API responses: the OWASP REST set. Nothing here is ever rendered, framed or cached, and the
 * browser-feature headers of pages mean nothing for JSON; fewer headers are measurably faster on
 * the lookup path (bench:lookup).
 */
export const API_HEADERS: HeaderList = [
  ['Cache-Control', 'no-store'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  HSTS,
  ['X-Content-Type-Options', 'nosniff'],
];
