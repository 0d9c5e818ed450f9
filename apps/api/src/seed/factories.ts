import type { FastifyInstance } from 'fastify';
import type { TOrganizationKind, TSession } from '@bunkai/domain';
import { type HttpClient, createHttpClient, expectStatus } from './http-client.ts';

/** A signed-in user with a client that sends its token. */
export type Member = { session: TSession; http: HttpClient; email: string; password: string };

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const createFactories = (app: FastifyInstance) => {
  const anonymous = createHttpClient(app);

  const registerOrganization = async (opts: { name?: string; kind?: TOrganizationKind; email?: string; displayName?: string; password?: string } = {}): Promise<Member> => {
    const email = opts.email ?? `user-${unique()}@example.test`;
    const password = opts.password ?? 'correct horse battery';
    const session = expectStatus(
      await anonymous.post<TSession>('/api/v1/auth/register', {
        organization: { name: opts.name ?? `Org ${unique()}`, kind: opts.kind ?? 'vendor' },
        user: { email, displayName: opts.displayName ?? email.split('@')[0], password },
      }),
      201,
      'register',
    );
    return { session, http: createHttpClient(app, session.accessToken), email, password };
  };

  const addMember = async (admin: Member, opts: { email?: string; displayName?: string; password?: string; orgRole?: 'admin' | 'member' } = {}): Promise<Member> => {
    const email = opts.email ?? `member-${unique()}@example.test`;
    const password = opts.password ?? 'correct horse battery';
    expectStatus(
      await admin.http.post('/api/v1/organization/users', { email, displayName: opts.displayName ?? email.split('@')[0], password, orgRole: opts.orgRole ?? 'member' }),
      201,
      'add member',
    );
    return login(email, password);
  };

  const login = async (email: string, password: string, totp?: string): Promise<Member> => {
    const session = expectStatus(await anonymous.post<TSession>('/api/v1/auth/login', { email, password, ...(totp ? { totp } : {}) }), 200, 'login');
    return { session, http: createHttpClient(app, session.accessToken), email, password };
  };

  return { anonymous, registerOrganization, addMember, login };
};
export type Factories = ReturnType<typeof createFactories>;
