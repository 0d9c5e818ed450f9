import { z } from 'zod';

/** The error envelope every 4xx/5xx answers with. */
export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  requestId: z.string(),
});

/** Response schemas for the listed error statuses (documentation + serialization). */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ZErrorBody])) as Record<number, typeof ZErrorBody>;

/**
 * For a route whose body the service builds from typed mappers and whose
 * throughput matters (the matrix read, the negotiation write path): the zod
 * schema still documents the response (OpenAPI) and the tests parse responses
 * with it, but serving skips a second zod pass and goes straight to JSON.
 */
export const typedJsonSerializer = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
