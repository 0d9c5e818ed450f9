import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { type Db, events, organizations, parties, revisions, signatures, users, verifyChain } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import type { Actor } from '../../plugins/auth.ts';
import { recomputeSeal } from '../signoff/index.ts';
import type { AuditRecord, AuditSignatureRecord } from './audit-format.ts';

type Deps = { db: Db; access: EngagementAccessService };

const PAGE = 2000;

/**
 * 監査証跡: every event of an engagement (oldest first), then every signature,
 * then the verification of the event chain. Read page by page so a 50k-event
 * log streams without being held in memory.
 */
export const createAuditService = ({ db, access }: Deps) => {
  async function* records(engagementId: string): AsyncGenerator<AuditRecord> {
    const partyRows = await db.select({ id: parties.id, displayName: parties.displayName }).from(parties).where(eq(parties.engagementId, engagementId));
    const partyName = new Map(partyRows.map((p) => [p.id, p.displayName]));
    const userName = new Map<string, string>();
    let after = 0;
    for (;;) {
      const page = await db
        .select()
        .from(events)
        .where(and(eq(events.engagementId, engagementId), gt(events.seq, after)))
        .orderBy(asc(events.seq))
        .limit(PAGE);
      const unknown = [...new Set(page.map((e) => e.actorUserId).filter((id): id is string => id !== null && !userName.has(id)))];
      if (unknown.length)
        for (const u of await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, unknown))) userName.set(u.id, u.displayName);
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

    const sigRows = await db
      .select({ signature: signatures, number: revisions.number, organizationName: organizations.name })
      .from(signatures)
      .innerJoin(revisions, eq(revisions.id, signatures.revisionId))
      .innerJoin(organizations, eq(organizations.id, signatures.organizationId))
      .where(eq(revisions.engagementId, engagementId))
      .orderBy(asc(revisions.number), asc(signatures.signedAt));
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
    yield { record: 'verification', verifiedAt: new Date().toISOString(), chain, signatures: { count: sigRows.length, sealsValid } };
  }

  return {
    /** Checks access before anything is streamed, so a refusal is a proper error response. */
    open: async (actor: Actor, engagementId: string) => {
      const a = await access.require(actor, engagementId, 'audit:read');
      return { engagement: a.engagement, records: records(engagementId) };
    },
  };
};
export type AuditService = ReturnType<typeof createAuditService>;
