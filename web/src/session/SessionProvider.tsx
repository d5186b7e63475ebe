import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readStored, STORAGE_KEYS, writeStored } from '../preferences/storage';

export interface StoredSession {
  token: string;
  /** ISO instant after which the server no longer accepts the token. */
  expiresAt: string | null;
}

export interface Session {
  token: string | null;
  /** Keeps the token the API returned from signIn / signUp. */
  start(session: StoredSession): void;
  /** Forgets the token (after signOut, or when the API says the session ended). */
  end(): void;
}

const SessionContext = createContext<Session | null>(null);

// The server decides when a session has ended (it answers UNAUTHENTICATED, and the client then
// forgets the token): expiresAt is kept for information, not compared with this machine's clock.
export function parseStoredSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.token !== 'string' || !value.token) return null;
    const expiresAt = typeof value.expiresAt === 'string' ? value.expiresAt : null;
    return { token: value.token, expiresAt };
  } catch {
    return null;
  }
}

/** The sign-in session token, kept in localStorage so it survives reloads and is shared by tabs. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(
    () => parseStoredSession(readStored(STORAGE_KEYS.session))?.token ?? null,
  );

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEYS.session) setToken(parseStoredSession(event.newValue)?.token ?? null);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const start = useCallback((session: StoredSession) => {
    writeStored(STORAGE_KEYS.session, JSON.stringify(session));
    setToken(session.token);
  }, []);

  const end = useCallback(() => {
    writeStored(STORAGE_KEYS.session, null);
    setToken(null);
  }, []);

  const value = useMemo(() => ({ token, start, end }), [token, start, end]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
