import type { TOrganization, TSession, TUser } from '@bunkai/domain';

/**
 * The signed-in session, kept in localStorage so a reload stays signed in and
 * tabs share one refresh-token family (a tab that finds a newer refresh token
 * in storage uses it instead of replaying its own, which would end the family).
 */
export type StoredSession = { accessToken: string; refreshToken: string; user: TUser; organization: TOrganization };

const KEY = 'bunkai.session';
const listeners = new Set<() => void>();
let current: StoredSession | null = read();

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

const emit = () => listeners.forEach((l) => l());

export const sessionStore = {
  get: (): StoredSession | null => current,
  /** Reads storage again (another tab may have rotated the tokens). */
  reload: (): StoredSession | null => {
    current = read();
    return current;
  },
  set: (s: TSession | StoredSession | null) => {
    current = s ? { accessToken: s.accessToken, refreshToken: s.refreshToken, user: s.user, organization: s.organization } : null;
    try {
      if (current) localStorage.setItem(KEY, JSON.stringify(current));
      else localStorage.removeItem(KEY);
    } catch {
      // storage unavailable: the session lives in memory only
    }
    emit();
  },
  updateUser: (user: TUser) => {
    if (current) sessionStore.set({ ...current, user });
  },
  subscribe: (l: () => void) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) {
      current = read();
      emit();
    }
  });
}
