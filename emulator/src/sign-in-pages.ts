// What a person sees at the emulated Entra: sign-in, consent, "needs admin approval", errors, and
// the self-submitting form of response_mode=form_post. Plain HTML forms, so tests can drive them
// with fetch as well as with a browser.

export interface ScopeLine {
  displayName: string;
  description: string;
}

const STYLE = `
body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; margin: 0; }
main { background: #fff; max-width: 440px; margin: 8vh auto; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; }
label { display: block; margin: 16px 0 4px; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 6px 0; border: 0; border-bottom: 1px solid #666; font-size: 15px; }
.error { color: #e81123; margin: 8px 0; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 24px; }
button { min-width: 108px; padding: 6px 12px; font-size: 15px; border: 1px solid #666; background: #ccc; }
button.primary { background: #0067b8; color: #fff; border-color: #0067b8; }
ul { padding-left: 20px; } li { margin: 8px 0; } small { color: #555; display: block; }
.note { font-size: 13px; color: #555; }`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function scopeList(scopes: readonly ScopeLine[]): string {
  return `<ul>${scopes.map((s) => `<li>${escapeHtml(s.displayName)}<small>${escapeHtml(s.description)}</small></li>`).join('')}</ul>`;
}

export function signInPage(input: { action: string; state: string; appName: string; username?: string; error?: string }): string {
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1><p>to continue to ${escapeHtml(input.appName)}</p>
<form method="post" action="${escapeHtml(input.action)}">${hidden('ctx', input.state)}
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<label for="loginfmt">Username</label><input type="text" id="loginfmt" name="loginfmt" autocomplete="username" value="${escapeHtml(input.username ?? '')}" required>
<label for="passwd">Password</label><input type="password" id="passwd" name="passwd" autocomplete="current-password" required>
<div class="actions"><button type="submit" class="primary">Sign in</button></div></form>
<p class="note">Tenant emulator: every demo account's password is "demo".</p>`,
  );
}

export function consentPage(input: { action: string; state: string; appName: string; username: string; scopes: readonly ScopeLine[]; canConsentForOrganization: boolean }): string {
  return page(
    'Permissions requested',
    `<h1>Permissions requested</h1><p>${escapeHtml(input.username)}</p><p><strong>${escapeHtml(input.appName)}</strong> would like to:</p>${scopeList(input.scopes)}
<form method="post" action="${escapeHtml(input.action)}">${hidden('ctx', input.state)}
${input.canConsentForOrganization ? '<label><input type="checkbox" name="organization" value="true"> Consent on behalf of your organization</label>' : ''}
<p class="note">Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>
<div class="actions"><button type="submit" name="consent" value="cancel">Cancel</button><button type="submit" name="consent" value="accept" class="primary">Accept</button></div></form>`,
  );
}

export function adminApprovalPage(input: { action: string; state: string; appName: string; scopes: readonly ScopeLine[] }): string {
  return page(
    'Need admin approval',
    `<h1>Need admin approval</h1><p><strong>${escapeHtml(input.appName)}</strong> needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>${scopeList(input.scopes)}
<form method="post" action="${escapeHtml(input.action)}">${hidden('ctx', input.state)}
<div class="actions"><button type="submit" name="consent" value="cancel">Return to the application without granting consent</button></div></form>`,
  );
}

export function errorPage(code: number, description: string): string {
  return page('Sign in', `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error" role="alert">AADSTS${code}: ${escapeHtml(description)}</p>`);
}

/** response_mode=form_post: the browser posts the answer to the redirect URI. */
export function formPostPage(action: string, fields: Record<string, string>): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working...</title></head><body onload="document.forms[0].submit()">
<form method="post" action="${escapeHtml(action)}">${Object.entries(fields)
    .map(([k, v]) => hidden(k, v))
    .join('')}<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
}
