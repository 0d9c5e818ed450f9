import { useEffect, useRef } from 'react';

/**
 * Ephemeral signals from the engagement's live stream (SSE frames without an
 * `id:`, such as `review.presentation`) and `stream.open` after each
 * (re)connect. The one stream of the engagement layout publishes; screens
 * subscribe, so a page that needs a signal opens no second stream.
 */
type Listener = (data: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const keyOf = (engagementId: string, event: string) => `${engagementId}|${event}`;

export const STREAM_OPEN = 'stream.open';

export const publishSignal = (engagementId: string, event: string, data: unknown) => {
  for (const l of [...(listeners.get(keyOf(engagementId, event)) ?? [])]) l(data);
};

export const subscribeSignal = (engagementId: string, event: string, listener: Listener): (() => void) => {
  const key = keyOf(engagementId, event);
  const set = listeners.get(key) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(key, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
};

/** Calls the latest `handler` for each signal while mounted. */
export const useSignal = (engagementId: string, event: string, handler: Listener) => {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribeSignal(engagementId, event, (d) => latest.current(d)), [engagementId, event]);
};
