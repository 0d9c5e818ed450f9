/**
 * PGlite runs PostgreSQL in single-user mode: there is no autovacuum, so the
 * planner never gets table statistics and, once a table is large, picks plans
 * that sort it whole for every page of a keyset scan (the event log's
 * `seq > $n ORDER BY seq LIMIT 5000` took minutes at 500k events instead of
 * milliseconds). This stands in for autovacuum's analyze: a table whose file
 * grew well past the size its statistics were taken at is ANALYZEd — at open
 * and then every `intervalMs` while the database is open.
 */
type Client = { query: (sql: string) => Promise<{ rows: unknown[] }>; closed: boolean };

/** Tables at least 16 pages (128 kB) in size that grew by a fifth since they were last analyzed. */
const STALE = `
  select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
    and pg_relation_size(c.oid) / 8192 >= greatest(16, c.relpages * 1.2)`;

export const analyzeStaleTables = async (client: Client): Promise<string[]> => {
  const { rows } = await client.query(STALE);
  const names = (rows as { name: string }[]).map((r) => r.name);
  for (const name of names) await client.query(`analyze ${name}`);
  return names;
};

export const startPgliteAutoAnalyze = (client: Client, intervalMs = 60_000) => {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (client.closed) return;
    running = analyzeStaleTables(client).catch(() => {});
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
};
