import { z } from 'zod';

/** The error envelope every 4xx/5xx answers with. */
export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  requestId: z.string(),
});

/** Response schemas for the listed error statuses (documentation + serialization). */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ZErrorBody])) as Record<number, typeof ZErrorBody>;
