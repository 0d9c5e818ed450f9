import type { FastifyInstance } from 'fastify';

/** One operation of the OpenAPI document: the list every sweep starts from, so new routes are never missed. */
export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path in OpenAPI form, e.g. `/api/v1/cells/{id}`. */
  path: string;
  key: string;
  params: string[];
  query: string[];
  /** Property names of a JSON request body, when the body is a JSON object. */
  bodyProps: string[];
  bodyTypes: string[];
  secured: boolean;
  streaming: boolean;
};

type OpenApiOp = {
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
};

export const listOperations = async (app: FastifyInstance): Promise<Operation[]> => {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, OpenApiOp>> };
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(byMethod)) {
      const method = m.toUpperCase() as Operation['method'];
      const content = op.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        key: `${method} ${path}`,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: Object.keys(content['application/json']?.schema?.properties ?? {}),
        bodyTypes: Object.keys(content),
        secured: Boolean(op.security?.length),
        streaming: Object.values(op.responses ?? {}).some((r) => Object.keys(r.content ?? {}).includes('text/event-stream')),
      });
    }
  }
  return ops;
};

/** Fills `{name}` placeholders; values are URI-encoded so fuzzed strings stay one path segment. */
export const fillPath = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? ''));
