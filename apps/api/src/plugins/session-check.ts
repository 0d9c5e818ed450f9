import type { Database } from '@bunkai/db';
import { authRepository } from '@bunkai/db';

/** The channel `revokeFamily` notifies (in its transaction, so after commit) with the ended sign-in's id. */
export const SESSIONS_CHANNEL = 'bunkai_sessions';
/** Longest a "not revoked" answer is reused if a revocation's notification never arrives. */
export const SESSION_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * "Is this sign-in (`sid`) ended?" for every authenticated request, without a query per request.
 *
 * Only "not revoked" answers are remembered, for at most SESSION_CACHE_TTL_MS, and only while
 * this process listens on SESSIONS_CHANNEL: a logout on this instance forgets the sid before
 * it answers (`forget`), a logout on another instance arrives as a notification right after its
 * commit, and a lost LISTEN connection empties the cache (on reconnect) and bypasses it until
 * then. A lookup that raced with a revocation (it started before a notification this process
 * received) is not remembered. So revocation takes effect at once on this instance, after the
 * notification's delivery on the others, and after 10 s at the very worst.
 */
export const createSessionCheck = (database: Database) => {
  const auth = authRepository(database.db);
  const notRevoked = new Map<string, number>();
  /** Moves on every revocation seen: a lookup that started before one is not cached. */
  let generation = 0;
  let unlisten: (() => Promise<void>) | null = null;

  const forget = (sid: string) => {
    generation += 1;
    notRevoked.delete(sid);
  };
  const clear = () => {
    generation += 1;
    notRevoked.clear();
  };

  return {
    isRevoked: async (sid: string): Promise<boolean> => {
      // Real time, like the verified-token cache: how long an answer is reused, not a domain date.
      const now = Date.now();
      const listening = unlisten !== null && database.listening();
      const until = listening ? notRevoked.get(sid) : undefined;
      if (until !== undefined && until > now) return false;
      const started = generation;
      const revoked = await auth.isFamilyRevoked({ familyId: sid });
      if (!revoked && listening && started === generation && database.listening()) {
        notRevoked.delete(sid);
        // Map order is insertion order: the first key is the oldest entry.
        if (notRevoked.size >= MAX_ENTRIES) notRevoked.delete(notRevoked.keys().next().value!);
        notRevoked.set(sid, now + SESSION_CACHE_TTL_MS);
      }
      return revoked;
    },
    forget,
    start: async () => {
      if (unlisten) return;
      unlisten = await database.listen(SESSIONS_CHANNEL, forget, clear);
    },
    stop: async () => {
      const u = unlisten;
      unlisten = null;
      clear();
      await u?.();
    },
  };
};
export type SessionCheck = ReturnType<typeof createSessionCheck>;
