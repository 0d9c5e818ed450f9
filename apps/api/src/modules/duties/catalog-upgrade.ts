import { randomUUID } from 'node:crypto';
import { CATALOG_VERSION, type TCatalogUpgradeEntry, previewCatalogUpgrade } from '@bunkai/catalog';
import { type TAssignment, conflict, decideBulk, validationError } from '@bunkai/domain';
import {
  type Db,
  assetsRepository,
  dutiesRepository,
  loadBulkAggregate,
  structureCellsRepository,
  toDuty,
  writeBulkProposals,
} from '@bunkai/db';
import { type EngagementAccess, type EngagementAccessService, ownParty } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import { dutyValuesFrom } from '../engagements/index.ts';
import { recordEvent, recordEvents } from '../events/index.ts';
import { createPlannedCells } from './cell-creation.ts';

type Deps = { db: Db; access: EngagementAccessService };

/**
 * Moving an engagement to a newer catalog version (カタログ更新), never silently: the owner sees what the newer
 * version adds, changes and withdraws, with the catalog's reasons, and adopts it duty by duty.
 * - added: the duty and its cells are created unassigned — the parties then propose as for any duty;
 * - changed: the duty takes the newer text (its catalogVersion moves), and every agreed cell of it is proposed
 *   again with its agreed split, so each party re-accepts under the new text (an agreement is never carried
 *   over to words nobody agreed to);
 * - withdrawn: the duty is marked 対象外 with the catalog's reason (agreed cells keep their agreement).
 * A duty with an open proposal is refused (409 `duty_under_negotiation`): a running negotiation is never
 * rewritten. Signed revisions are frozen copies, so they keep the version they used; the event log records
 * every adoption with before, after and reasons.
 */
export const createCatalogUpgrade = ({ db, access }: Deps) => {
  const duties = dutiesRepository(db);
  const cellsRepo = structureCellsRepository(db);

  /** `lock`: adopting locks the cells it decides on; a reader's preview does not. */
  const preview = async (a: EngagementAccess, tx: Db, lock: boolean) => {
    const engagementId = a.engagement.id;
    const rows = await duties.listByEngagement(engagementId, tx);
    // Added duties are those new since the version the engagement started from (adopting changes does not move it).
    const entries = previewCatalogUpgrade(rows.map(toDuty), { base: a.engagement.catalogVersion });
    const idByCode = new Map(rows.map((r) => [r.code, r.id]));
    const withState = [];
    for (const e of entries) {
      const dutyId = idByCode.get(e.code) ?? null;
      const cells = dutyId ? await (lock ? cellsRepo.lockAllOfDuty : cellsRepo.listOfDuty)(dutyId, tx) : [];
      withState.push({ ...e, dutyId, underNegotiation: cells.some((c) => c.openProposalId !== null), agreedCells: cells.filter((c) => c.status === 'agreed').length });
    }
    return withState;
  };

  /** Proposes each agreed cell's own split again (grouped by split), as the owner's party. */
  const reproposeAgreed = async (tx: Db, a: EngagementAccess, engagementId: string, dutyId: string, reason: string) => {
    const agreed = (await cellsRepo.lockAllOfDuty(dutyId, tx)).filter((c) => c.status === 'agreed' && c.assignment !== null);
    const groups = new Map<string, { assignment: TAssignment; cellIds: string[] }>();
    for (const c of agreed) {
      const key = JSON.stringify(c.assignment);
      const g = groups.get(key) ?? { assignment: c.assignment!, cellIds: [] };
      g.cellIds.push(c.id);
      groups.set(key, g);
    }
    const party = ownParty(a);
    for (const g of groups.values()) {
      const aggregate = await loadBulkAggregate({ engagementId, cellIds: g.cellIds }, tx);
      const decision = decideBulk(aggregate, {
        actor: { userId: a.actor.userId, partyId: party.id },
        engagementId,
        cellIds: g.cellIds,
        assignment: g.assignment,
        reason,
        newId: randomUUID,
      });
      await writeBulkProposals({ engagementId, steps: decision.steps }, tx);
      await recordEvents(tx, a, decision.steps.flatMap((s) => s.events));
    }
    return agreed.length;
  };

  return {
    preview: async (actor: Actor, engagementId: string) =>
      db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'engagement:read', tx);
        return { to: CATALOG_VERSION, entries: await preview(a, tx, false) };
      }),

    adopt: async (actor: Actor, engagementId: string, dutyCodes: readonly string[]) =>
      db.transaction(async (tx) => {
        const a = await access.require(actor, engagementId, 'duty:write', tx);
        const entries = new Map((await preview(a, tx, true)).map((e) => [e.code, e]));
        const codes = [...new Set(dutyCodes)];
        const unknown = codes.filter((c) => !entries.has(c));
        if (unknown.length)
          throw validationError('not_upgradable', `Catalog ${CATALOG_VERSION} has nothing to adopt for ${unknown.join(', ')}.`, { codes: unknown });
        const busy = codes.filter((c) => entries.get(c)!.underNegotiation);
        if (busy.length)
          throw conflict('duty_under_negotiation', `${busy.join(', ')} ha${busy.length === 1 ? 's' : 've'} an open proposal; settle it before adopting the catalog change.`, { codes: busy });
        const assets = await assetsRepository(tx).listByEngagement(engagementId, tx);
        const adopted: { code: string; kind: TCatalogUpgradeEntry['kind']; cellsProposedAgain: number; cellsCreated: number }[] = [];
        for (const code of codes) {
          const e = entries.get(code)!;
          const why = e.reasons.map((r) => `${r.version}: ${r.reason.ja}`).join(' / ');
          const payload = { code, from: e.fromVersion, to: CATALOG_VERSION, fields: e.fields, reasons: e.reasons };
          if (e.kind === 'added') {
            const [row] = await duties.insertMany([dutyValuesFrom(engagementId, e.proposed!, CATALOG_VERSION)], tx);
            const created = await createPlannedCells(tx, engagementId, [row!], assets);
            await recordEvent(tx, a, { type: 'duty.added', subjectId: row!.id, payload: { ...payload, source: 'catalog-upgrade', catalogVersion: CATALOG_VERSION, cellsCreated: created.length } });
            adopted.push({ code, kind: e.kind, cellsProposedAgain: 0, cellsCreated: created.length });
          } else if (e.kind === 'changed') {
            const { engagementId: _e, ...values } = dutyValuesFrom(engagementId, e.proposed!, CATALOG_VERSION);
            const row = await duties.replaceDefinition(e.dutyId!, { ...values, kakuninhyoItem: e.proposed!.kakuninhyoItem ?? null }, tx);
            // A wider scope gives the duty cells on assets it now applies to; cells it no longer applies to stay.
            const created = await createPlannedCells(tx, engagementId, [row!], assets);
            await recordEvent(tx, a, { type: 'duty.upgraded', subjectId: e.dutyId!, payload: { ...payload, before: e.current, after: e.proposed } });
            const again = await reproposeAgreed(tx, a, engagementId, e.dutyId!, `カタログ ${CATALOG_VERSION} 版の文面への更新（${why}）`.slice(0, 500));
            adopted.push({ code, kind: e.kind, cellsProposedAgain: again, cellsCreated: created.length });
          } else {
            const reason = `カタログ ${CATALOG_VERSION} 版で廃止${why ? `（${why}）` : ''}`.slice(0, 500);
            const current = (await duties.findById(e.dutyId!, tx))!;
            await duties.setNotApplicableReason(e.dutyId!, current.version, reason, tx);
            const open = await cellsRepo.lockOpenOfDuty(e.dutyId!, tx);
            await cellsRepo.markNotApplicable(open.map((c) => c.id), reason, tx);
            await recordEvent(tx, a, { type: 'duty.withdrawn', subjectId: e.dutyId!, payload: { ...payload, reason, cellIds: open.map((c) => c.id) } });
            adopted.push({ code, kind: e.kind, cellsProposedAgain: 0, cellsCreated: 0 });
          }
        }
        return { to: CATALOG_VERSION, adopted };
      }),
  };
};
export type CatalogUpgrade = ReturnType<typeof createCatalogUpgrade>;
