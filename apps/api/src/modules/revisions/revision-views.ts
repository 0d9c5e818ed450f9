import { iso, isoOrNull } from '@bunkai/db';
import { type TRevisionView, type TSignatureView, isSigningParty, sealInput } from '@bunkai/domain';
import { sha256Hex } from '@bunkai/db';
import type { RevisionStatus } from './revision-state.ts';
import type { RevisionRow, SignatureRow } from './revisions-repository.ts';


type PartyLike = { id: string; role: string; displayName: string; organizationId: string | null };

/** Recomputes a stored signature's seal (version 1 field list) from its own columns. */
export const recomputeSeal = (s: SignatureRow, revisionNumber: number): string =>
  sha256Hex(
    sealInput({
      revisionId: s.revisionId,
      revisionNumber,
      revisionSha256: s.revisionSha256,
      partyId: s.partyId,
      organizationId: s.organizationId,
      signerUserId: s.signerUserId,
      signerName: s.signerName,
      signedAt: s.signedAt,
      statement: s.statement,
      ip: s.ip,
      userAgent: s.userAgent,
    }),
  );

/** A signature as read back: it stays valid for the revision it signed, whatever came later. */
export const toSignatureView = (
  s: SignatureRow,
  revisionNumber: number,
  partyById: ReadonlyMap<string, PartyLike>,
  organizationNames: ReadonlyMap<string, string>,
): TSignatureView => ({
  id: s.id,
  revisionId: s.revisionId,
  partyId: s.partyId,
  organizationId: s.organizationId,
  signerUserId: s.signerUserId,
  signerName: s.signerName,
  statement: s.statement,
  revisionSha256: s.revisionSha256,
  signedAt: s.signedAt,
  ip: s.ip,
  userAgent: s.userAgent,
  sealVersion: s.sealVersion,
  seal: s.seal,
  validFor: revisionNumber,
  partyDisplayName: partyById.get(s.partyId)?.displayName ?? '',
  organizationName: organizationNames.get(s.organizationId) ?? '',
  sealValid: s.sealVersion === 1 && recomputeSeal(s, revisionNumber) === s.seal,
});

export const toRevisionView = (
  row: RevisionRow,
  status: RevisionStatus,
  liveSha256: string,
  sigs: readonly SignatureRow[],
  engagementParties: readonly PartyLike[],
  organizationNames: ReadonlyMap<string, string>,
): TRevisionView => {
  const partyById = new Map(engagementParties.map((p) => [p.id, p]));
  const signedParties = new Set(sigs.map((s) => s.partyId));
  return {
    id: row.id,
    engagementId: row.engagementId,
    number: row.number,
    status,
    sha256: row.sha256,
    frozenAt: isoOrNull(row.frozenAt),
    frozenByUserId: row.frozenByUserId,
    executedAt: isoOrNull(row.executedAt),
    createdAt: iso(row.createdAt),
    matchesLive: row.sha256 === liveSha256,
    signatures: sigs.map((s) => toSignatureView(s, row.number, partyById, organizationNames)),
    // An executed revision was signed by the parties of its time; parties added since are not owed a signature on it.
    signingParties: engagementParties
      .filter((p) => (status === 'executed' ? signedParties.has(p.id) : isSigningParty(p)))
      .map((p) => ({ partyId: p.id, role: p.role, displayName: p.displayName, signed: signedParties.has(p.id) })),
  };
};
