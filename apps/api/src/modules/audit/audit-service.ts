import { type Db, auditRepository, eventsRepository, toEventItem, verifyChain } from '@bunkai/db';
import type { TAuditEventsPage, TAuditEventsQuery } from '@bunkai/domain';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { recomputeSeal } from '../signoff/index.ts';
import type { AuditRecord, AuditSignatureRecord } from './audit-format.ts';

type Deps = { db: Db; access: EngagementAccessService; clock: Clock };

const PAGE = 2000;

/**
 * 監査証跡: every event of an engagement (oldest first), then every signature,
 * then the verification of the event chain. Read page by page so a 50k-event
 * log streams without being held in memory.
 */
export const createAuditService = ({ db, access, clock }: Deps) => {
  const repo = auditRepository(db);
  const eventLog = eventsRepository(db);
  async function* records(engagementId: string): AsyncGenerator<AuditRecord> {
    const partyName = await repo.partyNames({ engagementId });
    const userName = new Map<string, string>();
    let after = 0;
    for (;;) {
      const page = await eventLog.listAfter({ engagementId, after, limit: PAGE });
      const unknown = [...new Set(page.map((e) => e.actorUserId).filter((id): id is string => id !== null && !userName.has(id)))];
      for (const u of await repo.userNames({ userIds: unknown })) userName.set(u.id, u.displayName);
      for (const e of page)
        yield {
          record: 'event',
          seq: e.seq,
          at: e.at,
          type: e.type,
          actorUserId: e.actorUserId,
          actorUserName: e.actorUserId ? (userName.get(e.actorUserId) ?? null) : null,
          actorPartyId: e.actorPartyId,
          actorPartyName: e.actorPartyId ? (partyName.get(e.actorPartyId) ?? null) : null,
          subjectId: e.subjectId,
          payload: e.payload,
          prevHash: e.prevHash,
          hash: e.hash,
        };
      if (page.length < PAGE) break;
      after = page.at(-1)!.seq;
    }

    const sigRows = await repo.signatures({ engagementId });
    let sealsValid = true;
    for (const { signature: s, number, organizationName } of sigRows) {
      const sealValid = s.sealVersion === 1 && recomputeSeal(s, number) === s.seal;
      sealsValid &&= sealValid;
      const rec: AuditSignatureRecord = {
        record: 'signature',
        signatureId: s.id,
        revisionId: s.revisionId,
        revisionNumber: number,
        revisionSha256: s.revisionSha256,
        partyId: s.partyId,
        partyName: partyName.get(s.partyId) ?? '',
        organizationId: s.organizationId,
        organizationName,
        signerUserId: s.signerUserId,
        signerName: s.signerName,
        signedAt: s.signedAt,
        statement: s.statement,
        ip: s.ip,
        userAgent: s.userAgent,
        sealVersion: s.sealVersion,
        seal: s.seal,
        sealValid,
      };
      yield rec;
    }

    const chain = await verifyChain(db, engagementId);
    yield { record: 'verification', verifiedAt: clock.now().toISOString(), chain, signatures: { count: sigRows.length, sealsValid } };
  }

  return {
    /** The audit screen's page: newest first, filtered by cell, acting party, event type (or family) and day, with who acted. */
    listEvents: async (actor: Actor, engagementId: string, q: TAuditEventsQuery): Promise<TAuditEventsPage> => {
      await access.require(actor, engagementId, 'audit:read');
      const rows = await repo.eventsNewestFirst({ engagementId, ...q, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const ids = [...new Set(page.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
      const names = new Map((await repo.userNames({ userIds: ids })).map((u) => [u.id, u.displayName]));
      return {
        events: page.map((e) => ({ ...toEventItem(e), actorUserName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null })),
        nextBefore: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null,
      };
    },

    /** Checks access before anything is streamed, so a refusal is a proper error response. */
    open: async (actor: Actor, engagementId: string) => {
      const a = await access.require(actor, engagementId, 'audit:read');
      return { engagement: a.engagement, records: records(engagementId) };
    },
  };
};
export type AuditService = ReturnType<typeof createAuditService>;
