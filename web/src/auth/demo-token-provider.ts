import type { DemoSignInResponse } from '../../../contracts/index.ts';
import { demoGraphToken } from '../api/client.ts';
import { i18n } from '../i18n/i18n.ts';
import { SignInError, type GraphToken, type TokenProvider } from './token-provider.ts';

const STORAGE_KEY = 'switchboard.demo.session';
/** Treat a token as gone this long before it really expires. */
const EXPIRY_MARGIN_MS = 30_000;

function isSession(value: unknown): value is DemoSignInResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['accessToken'] === 'string' &&
    typeof (value as Record<string, unknown>)['expiresOn'] === 'string'
  );
}

/** Storage that only lives as long as the page, for when sessionStorage is refused. */
class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * sessionStorage, or memory where the browser refuses it: a third-party iframe (Teams,
 * Outlook on the web) with storage blocked throws on the mere property access.
 */
function defaultStore(): SessionStore {
  try {
    const storage = window.sessionStorage;
    storage.getItem(STORAGE_KEY);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}

/** Keeps the demo token in sessionStorage: it survives a reload, not a closed tab. */
export class DemoTokenProvider implements TokenProvider {
  constructor(private readonly storage: SessionStore = defaultStore()) {}

  private read(): DemoSignInResponse | null {
    const raw = this.storage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    try {
      const parsed: unknown = JSON.parse(raw);
      return isSession(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  /** The stored token if it is still valid (synchronously, for the first render). */
  currentToken(): string | null {
    const session = this.read();
    if (session === null) return null;
    const expires = Date.parse(session.expiresOn);
    if (Number.isFinite(expires) && expires - EXPIRY_MARGIN_MS < Date.now()) {
      this.signOut();
      return null;
    }
    return session.accessToken;
  }

  getToken(): Promise<string | null> {
    return Promise.resolve(this.currentToken());
  }

  /** The demo API hands out the demo user's Graph token where Entra would ask for consent. */
  async getGraphToken(): Promise<GraphToken> {
    const token = this.currentToken();
    if (token === null) throw new SignInError(i18n.t('signIn:signInAgain'));
    const { accessToken } = await demoGraphToken(token);
    return { accessToken, tenantId: tenantOf(accessToken) };
  }

  /** Stores the result of `POST /api/demo/sign-in`. */
  store(session: DemoSignInResponse): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(session));
  }

  signOut(): void {
    this.storage.removeItem(STORAGE_KEY);
  }
}

/**
 * The `tid` claim of a demo Graph token (the emulator's JWT): the demo answer names no tenant,
 * while MSAL reports it beside the token. Read without verifying: the API verifies it with Graph.
 */
function tenantOf(jwt: string): string {
  const payload = jwt.split('.')[1] ?? '';
  const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  const tid = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)['tid'] : undefined;
  if (typeof tid !== 'string') throw new SignInError(i18n.t('signIn:noTenant'));
  return tid;
}
