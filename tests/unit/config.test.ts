import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config.ts';

const minimal = { AUTH_TENANT_ID: 't', AUTH_CLIENT_ID: 'c' };
const demoUsers = JSON.stringify([{ username: 'a@x', password: 'p', displayName: 'A' }]);

describe('loadConfig', () => {
  it('defaults to Microsoft\'s public cloud', () => {
    const config = loadConfig(minimal);
    expect(config.auth.authorityHost).toBe('https://login.microsoftonline.com');
    expect(config.graph.baseUrl).toBe('https://graph.microsoft.com');
    expect(config.demo).toBeNull();
  });

  it('reports every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', AUTH_AUTHORITY_HOST: 'http://insecure' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'AUTH_AUTHORITY_HOST', 'AUTH_TENANT_ID', 'AUTH_CLIENT_ID']) expect(text).toContain(name);
    }
  });

  it('refuses demo mode in production', () => {
    expect(() => loadConfig({ ...minimal, NODE_ENV: 'production', DEMO_MODE: 'true', DEMO_USERS: demoUsers })).toThrow(/DEMO_MODE/);
  });

  it('needs demo users in demo mode and validates them', () => {
    expect(() => loadConfig({ ...minimal, DEMO_MODE: 'true' })).toThrow(/DEMO_USERS/);
    expect(() => loadConfig({ ...minimal, DEMO_MODE: 'true', DEMO_USERS: '[{}]' })).toThrow(/DEMO_USERS/);
    expect(loadConfig({ ...minimal, DEMO_MODE: 'true', DEMO_USERS: demoUsers }).demo?.users[0]?.isAdmin).toBe(false);
  });

  it('accepts only sqlite database URLs for now', () => {
    expect(loadConfig({ ...minimal, DATABASE_URL: 'sqlite:/tmp/x.db' }).databaseFile).toBe('/tmp/x.db');
    expect(() => loadConfig({ ...minimal, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
