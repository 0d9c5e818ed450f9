import { SEAL_VERSION, sealInput, signingStatement } from '../../packages/domain/src/index.ts';
import type { Database } from '../../packages/db/src/index.ts';
import { revisionsRepository, sha256Hex, signatures } from '../../packages/db/src/index.ts';
import { createEngagementAccess } from '../../apps/api/src/access/engagement-access.ts';
import { createRevisionsService, loadLiveState, persistSignoffState, signoffState } from '../../apps/api/src/modules/signoff/index.ts';
import type { Actor } from '../../apps/api/src/plugins/auth.ts';
import { rawOf } from '../lib/raw.ts';
import { ENGAGEMENT_TITLE, type SetupParty } from './setup.ts';
import type { Simulation } from './simulate.ts';
import { flushSimulation } from './writer.ts';

export const ownerActor = (hospital: SetupParty): Actor => ({ userId: hospital.adminUserId, organizationId: hospital.organizationId, orgRole: 'admin' });

/** 凍結 through the API's own revisions service: blockers checked, canonical form built and hashed, events appended. */
export const freezeRevision = async (database: Database, engagementId: string, hospital: SetupParty) => {
  const service = createRevisionsService({ db: database.db, access: createEngagementAccess(database.db) });
  const { revision } = await service.freeze(ownerActor(hospital), engagementId);
  return revision;
};

/**
 * 署名 by `signers` (their admins are the signatories). Written with the
 * signature service's own statement and seal functions — the route itself
 * would also re-check password and TOTP, which a generator cannot type in.
 * When every signing party has signed, the revision is executed.
 */
export const signRevision = async (
  database: Database,
  sim: Simulation,
  engagementId: string,
  revision: { id: string; number: number; sha256: string },
  signers: readonly SetupParty[],
  signingPartyCount: number,
) => {
  const rows = signers.map((p) => {
    const statement = signingStatement({
      signerName: p.adminName,
      organizationName: p.orgName,
      partyDisplayName: p.displayName,
      engagementTitle: ENGAGEMENT_TITLE,
      revisionNumber: revision.number,
      revisionSha256: revision.sha256,
    });
    const fields = {
      revisionId: revision.id,
      revisionNumber: revision.number,
      revisionSha256: revision.sha256,
      partyId: p.id,
      organizationId: p.organizationId,
      signerUserId: p.adminUserId,
      signerName: p.adminName,
      signedAt: new Date().toISOString(),
      statement,
      ip: '127.0.0.1',
      userAgent: 'bunkai-bench',
    };
    return { ...fields, sealVersion: SEAL_VERSION, seal: sha256Hex(sealInput(fields)) };
  });
  const inserted = await database.db.insert(signatures).values(rows).returning();
  for (const [i, s] of inserted.entries())
    sim.emit(signers[i]!, s.signerUserId, 'signature.created', s.id, { revisionId: revision.id, number: revision.number, partyId: s.partyId, seal: s.seal });
  if (signers.length >= signingPartyCount) {
    await rawOf(database).query(`update revisions set status = 'executed', executed_at = now() where id = $1`, [revision.id]);
    await revisionsRepository(database.db).setEngagementStatus(engagementId, 'executed');
    const last = signers.at(-1)!;
    sim.emit(last, last.adminUserId, 'revision.executed', revision.id, { number: revision.number, sha256: revision.sha256, signatures: signers.length });
    sim.emit(last, last.adminUserId, 'engagement.status_changed', engagementId, { from: 'signing', to: 'executed' });
  }
  await flushSimulation(database, sim);
};

/** What a write path persists once the matrix moved on after the last revision: superseded revisions, status `amending`. */
export const persistAmendingState = async (database: Database, engagementId: string, hospital: SetupParty) => {
  const { db } = database;
  await db.transaction(async (tx) => {
    const access = await createEngagementAccess(tx).load(ownerActor(hospital), engagementId);
    const repo = revisionsRepository(tx);
    const live = await loadLiveState(repo, tx, engagementId);
    await persistSignoffState(repo, tx, access, signoffState(await repo.ofEngagement(engagementId), live.sha256));
  });
};
