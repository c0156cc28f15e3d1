import { createContext } from 'react';
import type { Me } from '../../../contracts/index.ts';
import type { GraphToken } from '../auth/token-provider.ts';
import type { ApiClient } from './client.ts';

export interface Session {
  api: ApiClient;
  me: Me;
  /** The administrator's delegated Graph token for app management (see `TokenProvider.getGraphToken`). */
  graphToken(scopes: readonly string[]): Promise<GraphToken>;
}

/** The signed-in session: the authenticated client and who it belongs to. */
export const SessionContext = createContext<Session | null>(null);
