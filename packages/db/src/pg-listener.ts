import pg from 'pg';
import type { DbLogger } from './db-logger.ts';

export type PgListener = { stop: () => Promise<void>; connected: () => boolean };

/** A LISTEN connection that survives server restarts (reconnects with backoff); every loss and failed retry is logged. */
export const startPgListener = async (
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect: (() => void) | undefined,
  log: DbLogger,
): Promise<PgListener> => {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const quoted = `"${channel.replace(/"/g, '""')}"`;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, application_name: 'bunkai-listen' });
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', (err) => {
      if (!stopped) log.warn({ err, channel }, 'LISTEN connection error; reconnecting');
      schedule();
    });
    c.on('end', () => schedule());
    try {
      await c.connect();
      await c.query(`LISTEN ${quoted}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    client = c;
    if (isReconnect) {
      log.info({ channel }, 'LISTEN connection restored');
      onReconnect?.();
    }
  };
  const schedule = (delay = 500) => {
    if (stopped || retry) return;
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect(true).catch((err: unknown) => {
        log.warn({ err, channel, retryInMs: Math.min(delay * 2, 5000) }, 'LISTEN reconnect failed');
        schedule(Math.min(delay * 2, 5000));
      });
    }, delay);
  };

  await connect(false);
  return {
    connected: () => !stopped && client !== undefined,
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
};
