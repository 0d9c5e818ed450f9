import { useSyncExternalStore } from 'react';
import { sessionStore, type StoredSession } from './session.ts';

export const useSession = (): StoredSession | null => useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
