import { api, apiFetch } from '../api/client.ts';
import type { TEventItem, TEventsPage } from '@bunkai/domain';

/**
 * Server-Sent Events over fetch (EventSource cannot send the Bearer header).
 * Frames are `id:` / `event:` / `data:` lines ended by a blank line; comments
 * (`: keepalive`) are skipped.
 */
export type SseFrame = { id: string | null; event: string | null; data: string };

export const parseSseChunk = (buffer: string): { frames: SseFrame[]; rest: string } => {
  const frames: SseFrame[] = [];
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const parts = normalized.split('\n\n');
  const rest = parts.pop() ?? '';
  for (const block of parts) {
    let id: string | null = null;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length || event) frames.push({ id, event, data: data.join('\n') });
  }
  return { frames, rest };
};

/** The seq of the newest event, so a fresh stream starts at the head instead of replaying the whole log. */
export const findHeadSeq = async (engagementId: string, signal: AbortSignal): Promise<number> =>
  (await api.get<TEventsPage>(`/api/v1/engagements/${engagementId}/events`, { signal, query: { after: 0, limit: 1 } })).headSeq;

export type StreamHandlers = {
  onEvent: (e: TEventItem) => void;
  onState: (s: 'connecting' | 'open' | 'closed') => void;
  /** A frame with an event name but no `id:`: an ephemeral signal (presenter mode), not an event-log row. */
  onSignal?: (event: string, data: unknown) => void;
};

/** Keeps one stream open until `signal` aborts; reconnects with Last-Event-ID after a drop, backing off to 15 s. */
export const runEventStream = async (engagementId: string, signal: AbortSignal, h: StreamHandlers): Promise<void> => {
  let lastSeq: number | null = null;
  let delay = 1000;
  while (!signal.aborted) {
    h.onState('connecting');
    try {
      if (lastSeq === null) lastSeq = await findHeadSeq(engagementId, signal);
      const res = await apiFetch(`/api/v1/engagements/${engagementId}/events/stream`, { headers: { accept: 'text/event-stream', 'last-event-id': String(lastSeq) }, signal });
      if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
      h.onState('open');
      delay = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { frames, rest } = parseSseChunk(buffer + value);
        buffer = rest;
        for (const f of frames) {
          if (f.id && /^\d+$/.test(f.id)) lastSeq = Number(f.id);
          if (!f.data) continue;
          try {
            if (!f.id && f.event) h.onSignal?.(f.event, JSON.parse(f.data));
            else h.onEvent(JSON.parse(f.data) as TEventItem);
          } catch {
            // a frame that is not an event (should not happen): skip it, keep the stream
          }
        }
      }
    } catch {
      if (signal.aborted) break;
    }
    h.onState('closed');
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 15_000);
  }
};
