import type { FastifyInstance } from 'fastify';
import { INVALID_TEXT_MESSAGE, findInvalidText, validationError } from '@bunkai/domain';

/**
 * Every string of every request — path parameters, query, JSON body, object keys included — must
 * be clean text (packages/domain model/text.ts), checked before validation so no route, schema or
 * database write can forget it: a NUL would otherwise reach PostgreSQL and come back as a 500.
 */
export const registerInputHygiene = (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const parts = { params: request.params, query: request.query, body: request.body };
    for (const [part, value] of Object.entries(parts)) {
      const path = findInvalidText(value);
      if (path !== null) throw validationError('invalid_text', `${INVALID_TEXT_MESSAGE} (${part} ${path})`, { part, path });
    }
  });
};
