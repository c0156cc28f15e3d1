import { useContext } from 'react';
import { SessionContext, type Session } from '../api/api-context.ts';

/** The signed-in session; only valid below `<SessionContext.Provider>`. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession() outside a signed-in session');
  return session;
}
