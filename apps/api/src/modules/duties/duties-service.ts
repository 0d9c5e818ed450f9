import { CATALOG_VERSION, getDuty } from '@bunkai/catalog';
import {
  type TAddDutiesRequest,
  type TCellStatus,
  type TDutyDefinition,
  type TEditDutyRequest,
  type TUpdateDutyRequest,
  assertValidNotApplicable,
  conflict,
  isDomainError,
  nextCellStatus,
  notFound,
  validationError,
} from '@bunkai/domain';
import {
  type Db,
  type DutyRow,
  assetsRepository,
  compareKakuninhyo,
  dutiesRepository,
  isUniqueViolation,
  organizationDutiesRepository,
  structureCellsRepository,
  toDuty,
  toOrganizationDuty,
} from '@bunkai/db';
import { type EngagementAccess, type EngagementAccessService, assertPermission } from '../../access/engagement-access.ts';
import { recordEvent, recordEvents } from '../events/index.ts';
import type { Actor } from '../../plugins/auth.ts';
import { dutyValuesFrom } from '../engagements/index.ts';
import { countBy, createPlannedCells } from './cell-creation.ts';

type Deps = { db: Db; access: EngagementAccessService };

const duplicateCodes = (codes: readonly string[]) => conflict('duty_exists', `The engagement already has duty ${codes.join(', ')}.`, { codes });

/** Definitions to copy: from the current catalog or the organization's own catalog by code, or one custom definition. */
const definitionsFor = async (
  body: TAddDutiesRequest,
  organizationCatalog: (codes: string[]) => Promise<TDutyDefinition[]>,
): Promise<{ defs: TDutyDefinition[]; catalogVersion: string | null }> => {
  if ('custom' in body) return { defs: [body.custom], catalogVersion: null };
  if ('organizationCodes' in body) {
    const codes = [...new Set(body.organizationCodes)];
    const defs = await organizationCatalog(codes);
    const found = new Set(defs.map((d) => d.code));
    const unknown = codes.filter((c) => !found.has(c));
    if (unknown.length) throw validationError('unknown_duty', `Your organization's catalog has no duty ${unknown.join(', ')}.`, { codes: unknown });
    return { defs, catalogVersion: null };
  }
  const codes = [...new Set(body.catalogCodes)];
  const unknown = codes.filter((c) => !getDuty(c));
  if (unknown.length) throw validationError('unknown_duty', `The catalog has no duty ${unknown.join(', ')}.`, { codes: unknown });
  return { defs: codes.map((c) => getDuty(c)!), catalogVersion: CATALOG_VERSION };
};

export const createDutiesService = ({ db, access }: Deps) => {
  const dutiesRepo = dutiesRepository(db);
  const assetsRepo = assetsRepository(db);
  const cellsRepo = structureCellsRepository(db);
  const organizationDuties = organizationDutiesRepository(db);

  /** Marks the duty's open cells 対象外 (agreed cells keep their agreement) and withdraws their open proposals. */
  const markCellsNotApplicable = async (tx: Db, duty: DutyRow, reason: string) => {
    const targets = await cellsRepo.lockOpenOfDuty(duty.id, tx);
    // Cells already 対象外 because of an earlier duty-level reason follow the new reason.
    const relabeled = duty.notApplicableReason ? await cellsRepo.relabelNotApplicable(duty.id, duty.notApplicableReason, reason, tx) : [];
    // The status machine is the authority on which cells may be closed.
    for (const c of targets) nextCellStatus(c.status, 'mark_not_applicable', { hasAgreedAssignment: c.assignment !== null });
    const proposalIds = targets.flatMap((c) => (c.openProposalId ? [c.openProposalId] : []));
    await cellsRepo.withdrawOpenProposals(proposalIds, tx);
    await cellsRepo.markNotApplicable(targets.map((c) => c.id), reason, tx);
    return { cellIds: [...targets.map((c) => c.id), ...relabeled], proposalIds };
  };

  /** Reopens the cells the duty-level marking closed: back to their agreement if they hold one, else unassigned. */
  const reopenCells = async (tx: Db, duty: DutyRow) => {
    const targets = await cellsRepo.lockClosedByReason(duty.id, duty.notApplicableReason ?? '', tx);
    const byStatus = new Map<TCellStatus, string[]>();
    for (const c of targets) {
      const next = nextCellStatus('not_applicable', 'reopen', { hasAgreedAssignment: c.assignment !== null });
      byStatus.set(next, [...(byStatus.get(next) ?? []), c.id]);
    }
    for (const [status, ids] of byStatus) await cellsRepo.setStatus(ids, status, tx);
    return { cellIds: targets.map((c) => c.id) };
  };

  /** Loads a duty through its engagement (404 under the duty's own id when the caller cannot see it). */
  const loadDuty = async (actor: Actor, dutyId: string, tx: Db): Promise<{ row: DutyRow; a: EngagementAccess }> => {
    const row = await dutiesRepo.findById(dutyId, tx);
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
      return { duties: (await dutiesRepo.listByEngagement(engagementId)).map(toDuty) };
    },

    /** Copies catalog duties (or adds a custom one) into the engagement and creates their cells for the existing assets. */
    add: async (actor: Actor, engagementId: string, body: TAddDutiesRequest) => {
      const { defs, catalogVersion } = await definitionsFor(body, async (codes) =>
        (await organizationDuties.listByCodes({ organizationId: actor.organizationId, codes })).map(toOrganizationDuty),
      );
      try {
        return await db.transaction(async (tx) => {
          const a = await access.require(actor, engagementId, 'duty:write', tx);
          const present = await dutiesRepo.presentCodes(engagementId, defs.map((d) => d.code), tx);
          if (present.length) throw duplicateCodes(present);
          const rows = await dutiesRepo.insertMany(defs.map((d) => dutyValuesFrom(engagementId, d, catalogVersion)), tx);
          const created = await createPlannedCells(tx, engagementId, rows, await assetsRepo.listByEngagement(engagementId, tx));
          const perDuty = countBy(created, (c) => c.dutyId);
          await recordEvents(
            tx,
            a,
            rows.map((d) => ({
              type: 'duty.added',
              subjectId: d.id,
              payload: { code: d.code, source: catalogVersion ? 'catalog' : 'organizationCodes' in body ? 'organization' : 'custom', catalogVersion, cellsCreated: perDuty.get(d.id) ?? 0 },
            })),
          );
          return { duties: [...rows].sort(compareKakuninhyo).map(toDuty), cellsCreated: created.length };
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
        const updated = await dutiesRepo.setNotApplicableReason(dutyId, input.version, reason, tx);
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

    /** Edits a duty's wording or its place in its part; cells are untouched (code, phase and asset categories stay). */
    edit: async (actor: Actor, dutyId: string, input: TEditDutyRequest) =>
      db.transaction(async (tx) => {
        const { row: current, a } = await loadDuty(actor, dutyId, tx);
        assertPermission(a, 'duty:write');
        const { version, ...patch } = input;
        const updated = await dutiesRepo.updateDefinition(dutyId, version, patch, tx);
        if (!updated)
          throw conflict('stale_version', `Duty ${dutyId} was changed by someone else (you sent version ${version}); reload it.`, { current: toDuty(current) });
        const changed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
        await recordEvent(tx, a, { type: 'duty.edited', subjectId: dutyId, payload: { code: current.code, changed, ...patch } });
        return { duty: toDuty(updated) };
      }),
  };
};
export type DutiesService = ReturnType<typeof createDutiesService>;
