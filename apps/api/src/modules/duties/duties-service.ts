import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { CATALOG_VERSION, getDuty } from '@bunkai/catalog';
import {
  type TAddDutiesRequest,
  type TCellStatus,
  type TDutyDefinition,
  type TUpdateDutyRequest,
  assertValidNotApplicable,
  conflict,
  isDomainError,
  nextCellStatus,
  notFound,
  validationError,
} from '@bunkai/domain';
import { type Db, assets, cells, duties, proposals } from '@bunkai/db';
import { type EngagementAccess, type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { recordEvent, recordEvents } from '../events/index.ts';
import { toDuty } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';
import { dutyValuesFrom } from '../engagements/template-instantiation.ts';
import { countBy, createPlannedCells } from './cell-creation.ts';
import { isUniqueViolation } from '@bunkai/db';

type Deps = { db: Db; access: EngagementAccessService };
type DutyRow = typeof duties.$inferSelect;

/** 確認表 order: Part1 before Part2, then the sort key, then the code. */
const kakuninhyoOrder = [asc(duties.kakuninhyoPart), asc(duties.sortOrder), asc(duties.code)];

const duplicateCodes = (codes: readonly string[]) => conflict('duty_exists', `The engagement already has duty ${codes.join(', ')}.`, { codes });

/** Definitions to copy: from the current catalog by code, or one custom definition. */
const definitionsFor = (body: TAddDutiesRequest): { defs: TDutyDefinition[]; catalogVersion: string | null } => {
  if ('custom' in body) return { defs: [body.custom], catalogVersion: null };
  const codes = [...new Set(body.catalogCodes)];
  const unknown = codes.filter((c) => !getDuty(c));
  if (unknown.length) throw validationError('unknown_duty', `The catalog has no duty ${unknown.join(', ')}.`, { codes: unknown });
  return { defs: codes.map((c) => getDuty(c)!), catalogVersion: CATALOG_VERSION };
};

/** Marks the duty's open cells 対象外 (agreed cells keep their agreement) and withdraws their open proposals. */
const markCellsNotApplicable = async (tx: Db, duty: DutyRow, reason: string) => {
  const targets = await tx
    .select()
    .from(cells)
    .where(and(eq(cells.dutyId, duty.id), notInArray(cells.status, ['agreed', 'not_applicable'])))
    .for('update');
  // Cells already 対象外 because of an earlier duty-level reason follow the new reason.
  const relabeled = duty.notApplicableReason
    ? await tx
        .update(cells)
        .set({ notApplicableReason: reason, version: sql`${cells.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(cells.dutyId, duty.id), eq(cells.status, 'not_applicable'), eq(cells.notApplicableReason, duty.notApplicableReason)))
        .returning({ id: cells.id })
    : [];
  // The status machine is the authority on which cells may be closed.
  for (const c of targets) nextCellStatus(c.status as TCellStatus, 'mark_not_applicable', { hasAgreedAssignment: c.assignment !== null });
  const proposalIds = targets.flatMap((c) => (c.openProposalId ? [c.openProposalId] : []));
  if (proposalIds.length)
    await tx
      .update(proposals)
      .set({ status: 'withdrawn', closedAt: sql`now()` })
      .where(and(inArray(proposals.id, proposalIds), eq(proposals.status, 'open')));
  if (targets.length)
    await tx
      .update(cells)
      .set({ status: 'not_applicable', notApplicableReason: reason, openProposalId: null, version: sql`${cells.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(cells.id, targets.map((c) => c.id)));
  return { cellIds: [...targets.map((c) => c.id), ...relabeled.map((c) => c.id)], proposalIds };
};

/** Reopens the cells the duty-level marking closed: back to their agreement if they hold one, else unassigned. */
const reopenCells = async (tx: Db, duty: DutyRow) => {
  const targets = await tx
    .select()
    .from(cells)
    .where(and(eq(cells.dutyId, duty.id), eq(cells.status, 'not_applicable'), eq(cells.notApplicableReason, duty.notApplicableReason ?? '')))
    .for('update');
  const byStatus = new Map<TCellStatus, string[]>();
  for (const c of targets) {
    const next = nextCellStatus('not_applicable', 'reopen', { hasAgreedAssignment: c.assignment !== null });
    byStatus.set(next, [...(byStatus.get(next) ?? []), c.id]);
  }
  for (const [status, ids] of byStatus)
    await tx
      .update(cells)
      .set({ status, notApplicableReason: null, version: sql`${cells.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(cells.id, ids));
  return { cellIds: targets.map((c) => c.id) };
};

export const createDutiesService = ({ db, access }: Deps) => {
  /** Loads a duty through its engagement (404 under the duty's own id when the caller cannot see it). */
  const loadDuty = async (actor: Actor, dutyId: string, tx: Db): Promise<{ row: DutyRow; a: EngagementAccess }> => {
    const [row] = await tx.select().from(duties).where(eq(duties.id, dutyId));
    if (!row) throw notFound('Duty', dutyId);
    try {
      return { row, a: await access.load(actor, row.engagementId, tx) };
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw notFound('Duty', dutyId);
      throw e;
    }
  };

  return {
    /** Duties in 確認表 order (Part1, Part2; then the sort key and the code). */
    list: async (actor: Actor, engagementId: string) => {
      await access.require(actor, engagementId, 'engagement:read');
      const rows = await db.select().from(duties).where(eq(duties.engagementId, engagementId)).orderBy(...kakuninhyoOrder);
      return { duties: rows.map(toDuty) };
    },

    /** Copies catalog duties (or adds a custom one) into the engagement and creates their cells for the existing assets. */
    add: async (actor: Actor, engagementId: string, body: TAddDutiesRequest) => {
      const { defs, catalogVersion } = definitionsFor(body);
      try {
        return await db.transaction(async (tx) => {
          const a = await access.require(actor, engagementId, 'duty:write', tx);
          const codes = defs.map((d) => d.code);
          const present = await tx
            .select({ code: duties.code })
            .from(duties)
            .where(and(eq(duties.engagementId, engagementId), inArray(duties.code, codes)));
          if (present.length) throw duplicateCodes(present.map((p) => p.code));
          const rows = await tx.insert(duties).values(defs.map((d) => dutyValuesFrom(engagementId, d, catalogVersion))).returning();
          const assetRows = await tx.select({ id: assets.id, category: assets.category }).from(assets).where(eq(assets.engagementId, engagementId));
          const created = await createPlannedCells(tx, engagementId, rows, assetRows);
          const perDuty = countBy(created, (c) => c.dutyId);
          await recordEvents(
            tx,
            a,
            rows.map((d) => ({
              type: 'duty.added',
              subjectId: d.id,
              payload: { code: d.code, source: catalogVersion ? 'catalog' : 'custom', catalogVersion, cellsCreated: perDuty.get(d.id) ?? 0 },
            })),
          );
          return { duties: [...rows].sort((x, y) => x.kakuninhyoPart - y.kakuninhyoPart || x.sortOrder - y.sortOrder || x.code.localeCompare(y.code)).map(toDuty), cellsCreated: created.length };
        });
      } catch (e) {
        // Two owners adding the same code at once: the unique (engagement, code) key decides.
        if (isUniqueViolation(e)) throw duplicateCodes(defs.map((d) => d.code));
        throw e;
      }
    },

    /** Marks a duty 対象外 with a reason (its open cells follow), or reopens it. */
    update: async (actor: Actor, dutyId: string, input: TUpdateDutyRequest) =>
      db.transaction(async (tx) => {
        const { row: current, a } = await loadDuty(actor, dutyId, tx);
        assertPermission(a, 'duty:write');
        const reason = input.notApplicable ? assertValidNotApplicable(input.reason) : null;
        if (!input.notApplicable && current.notApplicableReason === null)
          throw conflict('duty_not_marked', `Duty ${current.code} is not marked not applicable, so there is nothing to reopen.`, { current: toDuty(current) });
        const [updated] = await tx
          .update(duties)
          .set({ notApplicableReason: reason, version: sql`${duties.version} + 1` })
          .where(and(eq(duties.id, dutyId), eq(duties.version, input.version)))
          .returning();
        if (!updated)
          throw conflict('stale_version', `Duty ${dutyId} was changed by someone else (you sent version ${input.version}); reload it.`, { current: toDuty(current) });
        if (reason !== null) {
          const { cellIds, proposalIds } = await markCellsNotApplicable(tx, current, reason);
          await recordEvent(tx, a, { type: 'duty.not_applicable', subjectId: dutyId, payload: { code: current.code, reason, cellIds, withdrawnProposalIds: proposalIds } });
          return { duty: toDuty(updated), cellsChanged: cellIds.length, proposalsWithdrawn: proposalIds.length };
        }
        const { cellIds } = await reopenCells(tx, current);
        await recordEvent(tx, a, { type: 'duty.reopened', subjectId: dutyId, payload: { code: current.code, cellIds } });
        return { duty: toDuty(updated), cellsChanged: cellIds.length, proposalsWithdrawn: 0 };
      }),
  };
};
export type DutiesService = ReturnType<typeof createDutiesService>;
