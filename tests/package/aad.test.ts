import { describe, expect, it } from 'vitest';
import { readJson } from './helpers.ts';

interface AadManifest {
  accessTokenAcceptedVersion: number;
  identifierUris: string[];
  oauth2Permissions: Array<{ id: string; value: string; type: string; isEnabled: boolean }>;
  appRoles: Array<{ id: string; value: string; allowedMemberTypes: string[]; description: string; isEnabled: boolean }>;
  preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
  replyUrlsWithType: Array<{ url: string; type: string }>;
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
}

const aad = readJson('aad.manifest.json') as unknown as AadManifest;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Client ids from Microsoft's "Configure your tab app in Microsoft Entra ID" (tab-sso-register-aad).
const CLIENTS = {
  'Teams desktop, mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
  'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
  'Microsoft 365 mobile, Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
};

describe('aad.manifest.json (the API app)', () => {
  it('exposes the access_as_user scope under api://<tab domain>/<client id>, v2 tokens', () => {
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user');
    expect(scope).toMatchObject({ type: 'User', isEnabled: true, id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}' });
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.accessTokenAcceptedVersion).toBe(2);
  });

  it('declares the Directory.Admin app role for users, with a fixed id', () => {
    const role = aad.appRoles.find((r) => r.value === 'Directory.Admin');
    expect(role).toBeDefined();
    expect(role?.allowedMemberTypes).toEqual(['User']);
    expect(role?.id).toMatch(GUID);
    expect(role?.isEnabled).toBe(true);
    expect(role?.description.length).toBeGreaterThan(20);
  });

  it('pre-authorises the Teams, Microsoft 365 and Outlook clients for access_as_user', () => {
    const scopeId = aad.oauth2Permissions.find((p) => p.value === 'access_as_user')?.id;
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(Object.values(CLIENTS).sort());
    for (const app of aad.preAuthorizedApplications) expect(app.permissionIds).toEqual([scopeId]);
  });

  it('registers the SPA redirects for MSAL (popup/redirect page and the NAA broker)', () => {
    expect(aad.replyUrlsWithType).toEqual([
      { url: '${{TAB_ENDPOINT}}/auth-redirect.html', type: 'Spa' },
      { url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' },
    ]);
  });

  it('requests delegated Microsoft Graph User.Read', () => {
    expect(aad.requiredResourceAccess).toEqual([
      { resourceAppId: 'Microsoft Graph', resourceAccess: [{ id: 'User.Read', type: 'Scope' }] },
    ]);
  });
});
