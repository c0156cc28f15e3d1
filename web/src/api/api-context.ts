import { createContext } from 'react';
import type { Me } from '../../../contracts/index.ts';
import type { ApiClient } from './client.ts';

export interface Session {
  api: ApiClient;
  me: Me;
}

/** The signed-in session: the authenticated client and who it belongs to. */
export const SessionContext = createContext<Session | null>(null);
