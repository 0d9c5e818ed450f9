import { and, eq } from 'drizzle-orm';
import { type Db, events, proposals } from '@bunkai/db';
import type { TMatrixCell } from '@bunkai/domain';
import type { Member } from '../../src/seed/factories.ts';
import { type Role, negotiationWorld } from '../../src/seed/world.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

/** Who calls in the authorization tests (roles of the one world vocabulary); `anonymous` sends no token. */
export const CALLERS = ['anonymous', 'outsider', 'observer', 'otherVendor', 'hospitalMember', 'owner'] as const satisfies readonly Role[];
export type Caller = (typeof CALLERS)[number];

/**
 * The on-prem EHR/VPN engagement with its three vendors joined, an observer,
 * a non-admin hospital user and an outsider — shared by the matrix,
 * negotiation, review and findings tests.
 */
export const createNegotiationWorld = async () => {
  const t: TestApp = await createTestApp();
  const w = await negotiationWorld(t.app);
  const { f } = w;
  const eid = w.engagement.id;
  // Twenty more client terminals (端末) give the tests untouched cells of their own.
  const terminals = await f.addAssets(
    w.owner,
    eid,
    Array.from({ length: 20 }, (_, i) => ({ name: `外来端末 ${String(i + 1).padStart(2, '0')}`, category: 'client_terminal' as const, ownerPartyId: w.hospitalPartyId })),
  );
  const callers: Record<Caller, Member> = w.callers;

  // Hands out cells nobody has touched yet (still unassigned), one per call, so tests stay independent.
  let unassigned: TMatrixCell[] | null = null;
  const freshCell = async (): Promise<TMatrixCell> => {
    unassigned ??= (await f.matrix(w.owner, eid, 'status=unassigned')).cells;
    const cell = unassigned.shift();
    if (!cell) throw new Error('out of unassigned cells');
    return cell;
  };
  /** The cell as it is now (fresh version). */
  const reload = async (cellId: string): Promise<TMatrixCell> =>
    (await w.owner.http.get<{ cell: TMatrixCell }>(`/api/v1/cells/${cellId}`)).body.cell;

  const db: Db = t.database.db;
  const openProposalCount = async (cellId: string) =>
    (await db.select().from(proposals).where(and(eq(proposals.cellId, cellId), eq(proposals.status, 'open')))).length;
  const eventTypes = async (cellId: string) =>
    (await db.select({ type: events.type }).from(events).where(and(eq(events.engagementId, eid), eq(events.subjectId, cellId))).orderBy(events.seq)).map(
      (e) => e.type,
    );

  return { t, f, w, eid, db, terminals: terminals.assets, callers, freshCell, reload, openProposalCount, eventTypes };
};
export type NegotiationWorld = Awaited<ReturnType<typeof createNegotiationWorld>>;
