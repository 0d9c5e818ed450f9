import type { TOrganization, TSession, TUser } from '@bunkai/domain';

/**
 * The signed-in session. The access token lives in this module's memory only — never in storage,
 * where any script that ever runs in the page could read it later — and the refresh token is in
 * an HttpOnly cookie the page cannot read at all (docs/operations.md#sessions). Storage keeps only
 * who is signed in (user, organization): a reload shows the app at once and renews the access
 * token from the cookie on its first request (client.ts), and other tabs learn of sign-in and
 * sign-out through the `storage` event.
 */
export type StoredSession = { accessToken: string | null; user: TUser; organization: TOrganization };

const KEY = 'bunkai.session';
const listeners = new Set<() => void>();

/** Who is signed in, from storage; tokens an older version stored there are dropped. */
function readSignedIn(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredSession> & { refreshToken?: unknown }) : null;
    if (!parsed?.user || !parsed.organization) return null;
    if ('accessToken' in parsed || 'refreshToken' in parsed) localStorage.setItem(KEY, JSON.stringify({ user: parsed.user, organization: parsed.organization }));
    return { accessToken: null, user: parsed.user, organization: parsed.organization };
  } catch {
    return null;
  }
}

let current: StoredSession | null = readSignedIn();

const emit = () => listeners.forEach((l) => l());

const store = (s: StoredSession | null) => {
  try {
    if (s) localStorage.setItem(KEY, JSON.stringify({ user: s.user, organization: s.organization }));
    else localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the session lives in this tab only
  }
};

export const sessionStore = {
  get: (): StoredSession | null => current,
  set: (s: TSession | StoredSession | null) => {
    current = s ? { accessToken: s.accessToken, user: s.user, organization: s.organization } : null;
    store(current);
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
    if (e.key !== KEY) return;
    const signedIn = readSignedIn();
    // Another tab signed out, or someone else signed in there: this tab's access token is not theirs.
    if (!signedIn || signedIn.user.id !== current?.user.id) current = signedIn;
    else current = { ...signedIn, accessToken: current.accessToken };
    emit();
  });
}
