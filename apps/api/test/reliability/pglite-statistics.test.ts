import { describe, expect, it } from 'vitest';
import { appendEvents, createDb, engagements, organizations } from '@bunkai/db';
import { analyzeStaleTables } from '../../../../packages/db/src/pglite-analyze.ts';

/**
 * PGlite has no autovacuum, so without help the planner never sees table
 * statistics: the event log's keyset page (`seq > $n ORDER BY seq LIMIT k`)
 * then sorted the whole remaining log for every page (minutes at 500k
 * events). createDb analyzes grown tables itself; this checks the mechanism
 * on an embedded database whatever the project's engine.
 */
describe('PGlite planner statistics', () => {
  it('analyzes a table that grew, after which the keyset page of the event log uses the primary key', async () => {
    const database = await createDb({});
    try {
      await database.migrate();
      const client = (database.db as unknown as { $client: { query: (q: string, p?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>; closed: boolean } }).$client;
      const [org] = await database.db.insert(organizations).values({ name: '統計', kind: 'hospital' }).returning();
      const [eng] = await database.db.insert(engagements).values({ ownerOrganizationId: org!.id, title: 't', systemName: 's', serviceModel: 'on_prem', provisionPattern: 'single_vendor' }).returning();
      const inputs = Array.from({ length: 4000 }, (_, i) => ({ engagementId: eng!.id, type: 'comment.created', actorUserId: null, actorPartyId: null, subjectId: null, payload: { n: i, body: 'コメント'.repeat(10) } }));
      await database.db.transaction((tx) => appendEvents(tx, inputs));
      const analyzed = await analyzeStaleTables(client);
      expect(analyzed).toContain('public.events');
      expect(await analyzeStaleTables(client)).toEqual([]);
      const plan = (await client.query(`explain select * from events where engagement_id = $1 and seq > $2 order by seq limit 500`, [eng!.id, 100])).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
      expect(plan).toMatch(/Index Scan using events_engagement_id_seq_pk/);
      expect(plan).not.toMatch(/Sort/);
    } finally {
      await database.close();
    }
  });
});
