import { z } from 'zod';
import { ZDateTime, ZId } from './primitives.ts';

/** A line of the append-only, hash-chained event log. */
export const ZEvent = z.object({
  engagementId: ZId,
  /** 1-based, gapless per engagement. */
  seq: z.number().int().min(1),
  type: z.string().min(1).max(80),
  actorUserId: ZId.nullable(),
  actorPartyId: ZId.nullable(),
  subjectId: ZId.nullable(),
  payload: z.record(z.string(), z.unknown()),
  at: ZDateTime,
  /** Hex SHA-256 of the previous event of the engagement; 64 zeros for seq 1. */
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TEvent = z.infer<typeof ZEvent>;

export const GENESIS_HASH = '0'.repeat(64);
