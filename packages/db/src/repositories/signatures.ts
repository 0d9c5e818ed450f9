import { asc, eq, inArray } from 'drizzle-orm';
import { type TSignatureView, sealInput } from '@bunkai/domain';
import type { Db } from '../create-db.ts';
import { sha256Hex } from '../event-chain.ts';
import { signatures, users } from '../schema/index.ts';

export type SignatureRow = typeof signatures.$inferSelect;
export type NewSignature = typeof signatures.$inferInsert;
type PartyLike = { id: string; displayName: string };

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

/** 署名 (signatures) and the signer's account as the signing path needs it. Functions `(args, tx = db)`. */
export const signaturesRepository = (db: Db) => ({
  of: (revisionIds: string[], tx: Db = db): Promise<SignatureRow[]> =>
    revisionIds.length ? tx.select().from(signatures).where(inArray(signatures.revisionId, revisionIds)).orderBy(asc(signatures.signedAt)) : Promise.resolve([]),

  insert: async (values: NewSignature, tx: Db = db): Promise<SignatureRow> => (await tx.insert(signatures).values(values).returning())[0]!,

  signer: async (userId: string, tx: Db = db) => (await tx.select().from(users).where(eq(users.id, userId)).limit(1))[0],

});
export type SignaturesRepository = ReturnType<typeof signaturesRepository>;
