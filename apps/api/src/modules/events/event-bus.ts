import type { FastifyBaseLogger } from 'fastify';
import { type Database, type EventRow, eventsRepository, toEventItem } from '@bunkai/db';

/** The channel the `events_notify` trigger (migration 0001) sends `<engagementId>:<seq>` on after each committed insert. */
export const EVENTS_CHANNEL = 'bunkai_events';
/**
 * Ephemeral signals (no event-log row, no `id:`): `<engagementId>|<event name>|<JSON>`, sent with
 * pg_notify inside the writer's transaction. Presenter mode (初回確認) uses it: meeting state that
 * is not part of the agreement's hash chain, so neither the audit trail nor webhooks see it.
 */
export const SIGNALS_CHANNEL = 'bunkai_signals';
export const KEEPALIVE_MS = 15_000;
const BATCH = 500;

/** One open stream: where it stands in its engagement's chain and how to reach its client. */
export type StreamSink = {
  /** Writes complete SSE frames; resolves once the socket took them (back-pressure). */
  write: (chunk: string) => Promise<void>;
  /** Ends the response (app shutdown, read failure). */
  end: () => void;
};

type Subscriber = StreamSink & {
  engagementId: string;
  /** Highest seq already written to this client: nothing at or below it is sent again. */
  lastSeq: number;
  running: boolean;
  dirty: boolean;
  closed: boolean;
};

/** `id: <seq>\nevent: <type>\ndata: <json>\n\n` — JSON.stringify never emits a raw newline, so one data line suffices. */
export const formatSseEvent = (row: EventRow): string => `id: ${row.seq}\nevent: ${row.type}\ndata: ${JSON.stringify(toEventItem(row))}\n\n`;

/**
 * Live updates (ライブ更新) for one API process: ONE LISTEN on `bunkai_events`
 * fans out to the SSE clients of each engagement. A notification is only a
 * wake-up; every client then reads `seq > lastSeq` from the database, so two
 * API processes on one database both deliver every event, a reconnect resumes
 * without gaps, and a burst of notifications collapses into a few reads.
 * The only in-memory state is this process's own open sockets.
 */
export const createEventBus = ({ database, log, keepaliveMs = KEEPALIVE_MS }: { database: Database; log: FastifyBaseLogger; keepaliveMs?: number }) => {
  const eventLog = eventsRepository(database.db);
  const byEngagement = new Map<string, Set<Subscriber>>();
  let unlisten: (() => Promise<void>) | null = null;
  let unlistenSignals: (() => Promise<void>) | null = null;
  let keepalive: NodeJS.Timeout | null = null;
  let state: 'idle' | 'running' | 'stopped' = 'idle';

  const drop = (sub: Subscriber) => {
    sub.closed = true;
    const set = byEngagement.get(sub.engagementId);
    set?.delete(sub);
    if (set?.size === 0) byEngagement.delete(sub.engagementId);
  };

  /** Sends everything after `lastSeq`; a wake-up during a read marks the subscriber dirty instead of starting a second reader. */
  const pump = async (sub: Subscriber): Promise<void> => {
    if (sub.closed) return;
    if (sub.running) {
      sub.dirty = true;
      return;
    }
    sub.running = true;
    try {
      do {
        sub.dirty = false;
        const rows = await eventLog.listAfter({ engagementId: sub.engagementId, after: sub.lastSeq, limit: BATCH });
        if (sub.closed) break;
        // An empty read does not end the loop by itself: a wake-up that came during it (dirty) may be
        // for an event committed after the read's snapshot, and nothing else would read it again.
        if (rows.length === 0) continue;
        sub.lastSeq = rows.at(-1)!.seq;
        await sub.write(rows.map(formatSseEvent).join(''));
        if (rows.length === BATCH) sub.dirty = true;
      } while (sub.dirty && !sub.closed);
    } catch (err) {
      // The client reconnects with Last-Event-ID and resumes from the database.
      log.warn({ err, engagementId: sub.engagementId }, 'event stream read failed; closing the stream');
      drop(sub);
      sub.end();
    } finally {
      sub.running = false;
    }
  };

  const onNotification = (payload: string) => {
    const at = payload.lastIndexOf(':');
    const engagementId = payload.slice(0, at);
    const seq = Number(payload.slice(at + 1));
    const subs = byEngagement.get(engagementId);
    if (!subs) return;
    for (const sub of subs) if (!(seq <= sub.lastSeq)) void pump(sub);
  };

  /** A signal goes as-is to the engagement's open streams in this process; a stream that misses it re-reads the state on reconnect. */
  const onSignal = (payload: string) => {
    const [engagementId, event, ...rest] = payload.split('|');
    const data = rest.join('|');
    // JSON.stringify never emits a raw newline; a name with one would break the frame.
    if (!engagementId || !event || !data || /[\r\n]/.test(event + data)) return;
    const subs = byEngagement.get(engagementId);
    for (const sub of subs ?? []) if (!sub.closed) void sub.write(`event: ${event}\ndata: ${data}\n\n`).catch(() => {});
  };

  /** After the LISTEN connection came back, notifications may have been lost: everyone re-reads. */
  const onReconnect = () => {
    for (const subs of byEngagement.values()) for (const sub of subs) void pump(sub);
  };

  return {
    start: async () => {
      if (state !== 'idle') return;
      state = 'running';
      unlisten = await database.listen(EVENTS_CHANNEL, onNotification, onReconnect);
      unlistenSignals = await database.listen(SIGNALS_CHANNEL, onSignal);
      keepalive = setInterval(() => {
        for (const subs of byEngagement.values()) for (const sub of subs) void sub.write(': keepalive\n\n').catch(() => {});
      }, keepaliveMs);
      keepalive.unref();
    },

    /** Ends every open stream and the LISTEN; runs before the HTTP server waits for connections to finish. */
    stop: async () => {
      if (state === 'stopped') return;
      state = 'stopped';
      if (keepalive) clearInterval(keepalive);
      for (const subs of [...byEngagement.values()])
        for (const sub of [...subs]) {
          drop(sub);
          sub.end();
        }
      const u = [unlisten, unlistenSignals];
      unlisten = null;
      unlistenSignals = null;
      for (const f of u) await f?.().catch((err: unknown) => log.warn({ err }, 'unlisten failed'));
    },

    get accepting() {
      return state === 'running';
    },

    /** Registers a client and sends it everything after `after` first; returns the unsubscribe function. */
    subscribe: (engagementId: string, after: number, sink: StreamSink): (() => void) => {
      const sub: Subscriber = { ...sink, engagementId, lastSeq: after, running: false, dirty: false, closed: false };
      // Registered before the first read: an event committed meanwhile either is in that read or wakes it again.
      const set = byEngagement.get(engagementId) ?? new Set<Subscriber>();
      set.add(sub);
      byEngagement.set(engagementId, set);
      void pump(sub);
      return () => drop(sub);
    },

    /** Open streams in this process (health and tests). */
    size: () => [...byEngagement.values()].reduce((n, s) => n + s.size, 0),
  };
};
export type EventBus = ReturnType<typeof createEventBus>;
