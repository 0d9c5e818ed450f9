import type { FastifyInstance } from 'fastify';
import type { TOrganizationKind, TSession } from '@bunkai/domain';
import { type HttpClient, createHttpClient, expectStatus } from './http-client.ts';

/** A signed-in user with a client that sends its token; `refreshToken` is the value of its session cookie. */
export type Member = { session: TSession; http: HttpClient; email: string; password: string; refreshToken: string };

/** The refresh token a sign-in set in its `bunkai_refresh` cookie. */
export const refreshCookieFrom = (headers: Record<string, unknown>): string => {
  const cookies = ([] as unknown[]).concat(headers['set-cookie'] ?? []).map(String);
  const found = cookies.map((c) => /^bunkai_refresh=([^;]*)/.exec(c)?.[1]).find((v) => v);
  if (!found) throw new Error('the response set no bunkai_refresh cookie');
  return found;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const createFactories = (app: FastifyInstance) => {
  const anonymous = createHttpClient(app);

  const registerOrganization = async (opts: { name?: string; kind?: TOrganizationKind; email?: string; displayName?: string; password?: string } = {}): Promise<Member> => {
    const email = opts.email ?? `user-${unique()}@example.test`;
    const password = opts.password ?? 'correct horse battery';
    const res = await anonymous.post<TSession>('/api/v1/auth/register', {
      organization: { name: opts.name ?? `Org ${unique()}`, kind: opts.kind ?? 'vendor' },
      user: { email, displayName: opts.displayName ?? email.split('@')[0], password },
    });
    const session = expectStatus(res, 201, 'register');
    return { session, http: createHttpClient(app, session.accessToken), email, password, refreshToken: refreshCookieFrom(res.headers) };
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
    const res = await anonymous.post<TSession>('/api/v1/auth/login', { email, password, ...(totp ? { totp } : {}) });
    const session = expectStatus(res, 200, 'login');
    return { session, http: createHttpClient(app, session.accessToken), email, password, refreshToken: refreshCookieFrom(res.headers) };
  };

  return { anonymous, registerOrganization, addMember, login };
};
export type Factories = ReturnType<typeof createFactories>;
