import { z } from 'zod';
import { ZDateTime, ZId } from './primitives.ts';

export const REVISION_STATUSES = ['draft', 'frozen', 'executed', 'superseded'] as const;

/** How a signer re-authenticated to sign (認証方式): the password always, plus TOTP when the user has it enabled. */
export const SIGNATURE_AUTHENTICATIONS = ['password', 'password+totp', 'password+recovery_code'] as const;
export type TSignatureAuthentication = (typeof SIGNATURE_AUTHENTICATIONS)[number];

/** 版: a frozen, hashed snapshot of the matrix. */
export const ZRevision = z.object({
  id: ZId,
  engagementId: ZId,
  number: z.number().int().min(1),
  status: z.enum(REVISION_STATUSES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  frozenAt: ZDateTime.nullable(),
  frozenByUserId: ZId.nullable(),
  executedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
});
export type TRevision = z.infer<typeof ZRevision>;

/** 署名: one party's signature over one revision hash, sealed. */
export const ZSignature = z.object({
  id: ZId,
  revisionId: ZId,
  partyId: ZId,
  organizationId: ZId,
  signerUserId: ZId,
  signerName: z.string().max(200),
  statement: z.string().max(4000),
  revisionSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: ZDateTime,
  ip: z.string().max(64),
  userAgent: z.string().max(500),
  sealVersion: z.number().int().min(1),
  seal: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TSignature = z.infer<typeof ZSignature>;
