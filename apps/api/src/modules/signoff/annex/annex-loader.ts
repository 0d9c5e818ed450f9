import type { TAnnexInput } from '@bunkai/docx';
import { type TRevisionStanding, conflict, parseCanonicalRevision } from '@bunkai/domain';
import { type Db, type RevisionRow, loadSnapshot, revisionsRepository, signaturesRepository, toParty } from '@bunkai/db';
import { draftAnnexInput, revisionAnnexInput } from './annex-inputs.ts';

/**
 * Reads the annex input of a stored engagement. No access checks: the service
 * checks them first; benchmarks and scripts call these directly.
 */

/** Revision N's input: what was frozen (its canonical text) and who signed it. */
export const loadRevisionAnnexInput = async (db: Db, row: RevisionRow, verifyUrl?: string, standing?: TRevisionStanding): Promise<TAnnexInput> => {
  if (!row.canonical || !row.sha256 || !row.frozenAt)
    throw conflict('revision_not_frozen', `Revision ${row.id} holds no frozen content, so it has no annex.`);
  const repo = revisionsRepository(db);
  const [sigs, partyRows, contract] = await Promise.all([signaturesRepository(db).of([row.id]), repo.partiesOf(row.engagementId), repo.engagementContract(row.engagementId)]);
  const liveParties = partyRows.map(toParty);
  const organizationNames = await repo.organizationNames([...liveParties.map((p) => p.organizationId), ...sigs.map((s) => s.organizationId)]);
  return revisionAnnexInput({
    engagementId: row.engagementId,
    revision: { number: row.number, sha256: row.sha256, executed: row.status === 'executed', frozenAt: row.frozenAt, canonical: parseCanonicalRevision(row.canonical) },
    signatures: sigs,
    liveParties,
    organizationNames,
    contract,
    ...(verifyUrl ? { verifyUrl } : {}),
    ...(standing ? { standing } : {}),
  });
};

/** The live matrix as a draft (草案) input, generated at `now`. */
export const loadDraftAnnexInput = async (db: Db, engagementId: string, opts: { now?: Date; verifyUrl?: string } = {}): Promise<TAnnexInput> => {
  const { snapshot, engagement } = await loadSnapshot(db, engagementId);
  const organizationNames = await revisionsRepository(db).organizationNames([engagement.ownerOrganizationId, ...snapshot.parties.map((p) => p.organizationId)]);
  return draftAnnexInput({
    snapshot,
    organizationNames,
    ownerOrganizationId: engagement.ownerOrganizationId,
    now: (opts.now ?? new Date()).toISOString(),
    contract: engagement.contract ?? null,
    ...(opts.verifyUrl ? { verifyUrl: opts.verifyUrl } : {}),
  });
};
