import { memberInvitationsRepository } from '@bunkai/db';
import { hashToken, newOpaqueToken } from '../../src/modules/auth/index.ts';
import { unsubscribeToken } from '../../src/modules/notifications/index.ts';
import { expectStatus } from '../../src/seed/http-client.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import type { Role } from './world.ts';
import type { SweepWorld } from './sweep-world.ts';

/**
 * The expected answer of every route to every role (authorization sweep).
 * `allow`: roles that must get through — any status but 401/403/404 (or 5xx).
 * Everyone else gets `deny[role]`, or by default: anonymous 401, the
 * non-party 404 on engagement-scoped routes (403 elsewhere), others 403.
 * `req` builds a valid request for a role, fresh each time when the route
 * consumes what it acts on (a proposal to withdraw, an asset to delete…).
 */
export type Req = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; contentType?: string; payload?: string; headers?: Record<string, string> };
export type Entry = {
  allow: readonly Role[];
  scoped?: boolean;
  deny?: Partial<Record<Role, number>>;
  req?: (w: SweepWorld, role: Role) => Req | Promise<Req>;
  /** Run after every other route (it changes who is a party). */
  last?: boolean;
  stream?: boolean;
};

const EVERYONE: Role[] = ['anonymous', 'outsider', 'vendorMember', 'otherVendor', 'vendor', 'observer', 'owner'];
const AUTHED: Role[] = ['outsider', 'vendorMember', 'otherVendor', 'vendor', 'observer', 'owner'];
const READERS: Role[] = ['vendorMember', 'otherVendor', 'vendor', 'observer', 'owner'];
const WRITERS: Role[] = ['vendorMember', 'otherVendor', 'vendor', 'owner'];
const ADMINS: Role[] = ['outsider', 'otherVendor', 'vendor', 'observer', 'owner'];
const OWNER: Role[] = ['owner'];
const P = (w: SweepWorld) => ({ id: w.eid });
const E = (w: SweepWorld): Req => ({ params: P(w) });
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const csv = (code: string) =>
  `code,title_ja,title_en,description_ja,description_en,phase,category,applies_to,concerns,part,order,references\n${code},権限試験,Sweep,権限試験の項目,Sweep duty,normal,governance,,,2,10,mhlw-gl6-ops §3\n`;

// A member invitation made by the caller's own organization admin (the plain member's is made by its admin).
const adminOf = (role: Role): Role => (role === 'vendorMember' ? 'vendor' : role === 'anonymous' ? 'owner' : role);
const freshMemberInvitation = async (w: SweepWorld, role: Role) =>
  expectStatus(await w.callers[adminOf(role)].http.post<{ invitation: { id: string } }>('/api/v1/organization/invitations', { email: `member-${uniq()}@example.test` }), 201, 'member invitation')
    .invitation;
// The link's token is only e-mailed; the sweep gives a fresh invitation a token it knows, through the repository.
const freshMemberToken = async (w: SweepWorld): Promise<string> => {
  const { id } = await freshMemberInvitation(w, 'owner');
  const token = newOpaqueToken();
  await memberInvitationsRepository(w.t.database.db).renew(id, { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000).toISOString(), sentAt: new Date().toISOString() });
  return token;
};

export const TABLE: Record<string, Entry> = {
  'GET /api/health': { allow: EVERYONE },
  'GET /api/health/live': { allow: EVERYONE },
  'GET /api/health/ready': { allow: EVERYONE },
  // Registered only without SMTP outside production (the embedded demo): invitees have no account yet.
  'GET /api/v1/dev/mailbox': { allow: EVERYONE },
  'GET /api/v1/engagements/{id}/webhooks': { allow: OWNER, scoped: true, req: E },
  'POST /api/v1/engagements/{id}/webhooks': { allow: OWNER, scoped: true, req: (w) => ({ params: P(w), body: w.webhookBody() }) },
  'GET /api/v1/engagements/{id}/webhooks/{webhookId}': { allow: OWNER, scoped: true, req: async (w) => ({ params: { id: w.eid, webhookId: (await w.freshWebhook()).id } }) },
  'PATCH /api/v1/engagements/{id}/webhooks/{webhookId}': {
    allow: OWNER,
    scoped: true,
    req: async (w) => {
      const hook = await w.freshWebhook();
      return { params: { id: w.eid, webhookId: hook.id }, body: { version: hook.version, description: uniq() } };
    },
  },
  'DELETE /api/v1/engagements/{id}/webhooks/{webhookId}': { allow: OWNER, scoped: true, req: async (w) => ({ params: { id: w.eid, webhookId: (await w.freshWebhook()).id } }) },
  'GET /api/v1/engagements/{id}/webhooks/{webhookId}/deliveries': { allow: OWNER, scoped: true, req: async (w) => ({ params: { id: w.eid, webhookId: (await w.freshWebhook()).id } }) },
  'POST /api/v1/engagements/{id}/webhooks/{webhookId}/test': { allow: OWNER, scoped: true, req: async (w) => ({ params: { id: w.eid, webhookId: (await w.freshWebhook()).id } }) },
  'GET /api/v1/catalog/duties': { allow: EVERYONE },
  'GET /api/v1/catalog/templates': { allow: EVERYONE },
  'POST /api/v1/auth/register': {
    allow: EVERYONE,
    req: () => ({ body: { organization: { name: `登録 ${uniq()}`, kind: 'vendor' }, user: { email: `sweep-${uniq()}@example.test`, displayName: 's', password: 'correct horse battery' } } }),
  },
  'POST /api/v1/auth/login': { allow: EVERYONE, req: (w) => ({ body: { email: w.loginUser.email, password: w.loginUser.password } }) },
  'POST /api/v1/auth/session/refresh': { allow: EVERYONE, req: async (w) => ({ headers: { cookie: `bunkai_refresh=${await w.freshRefreshToken()}` } }) },
  'POST /api/v1/auth/session/logout': { allow: EVERYONE, req: async (w) => ({ headers: { cookie: `bunkai_refresh=${await w.freshRefreshToken()}` } }) },
  'GET /api/v1/auth/me': { allow: AUTHED },
  // About the caller's own parties: every signed-in user has an inbox (empty without a party).
  'GET /api/v1/me/inbox': { allow: AUTHED },
  'GET /api/v1/me/inbox/counts': { allow: AUTHED },
  'GET /api/v1/me/preferences': { allow: AUTHED },
  'PATCH /api/v1/me/preferences': { allow: AUTHED, req: () => ({ body: { notifyInformational: false } }) },
  // The digest's unsubscribe link: its HMAC is the credential (the test app's JWT secret signs it).
  'POST /api/v1/notifications/unsubscribe': {
    allow: EVERYONE,
    req: (w) => ({ body: { userId: w.loginUser.session.user.id, token: unsubscribeToken(TEST_JWT_SECRET, w.loginUser.session.user.id) } }),
  },
  'POST /api/v1/auth/totp/enroll': { allow: AUTHED },
  'POST /api/v1/auth/totp/verify': { allow: AUTHED, req: () => ({ body: { code: '000000' } }) },
  'GET /api/v1/auth/recovery-codes': { allow: AUTHED },
  'POST /api/v1/auth/recovery-codes': { allow: AUTHED, req: () => ({ body: { password: 'not the password' } }) },
  'GET /api/v1/organization/users': { allow: AUTHED },
  // メンバー招待: organization admins only (the plain member gets 403 admin_only); another organization's invitation is 404.
  'POST /api/v1/organization/invitations': { allow: ADMINS, req: () => ({ body: { email: `member-${uniq()}@example.test` } }) },
  'GET /api/v1/organization/invitations': { allow: ADMINS },
  'POST /api/v1/organization/invitations/{invitationId}/resend': { allow: ADMINS, req: async (w, role) => ({ params: { invitationId: (await freshMemberInvitation(w, role)).id } }) },
  'DELETE /api/v1/organization/invitations/{invitationId}': { allow: ADMINS, req: async (w, role) => ({ params: { invitationId: (await freshMemberInvitation(w, role)).id } }) },
  'GET /api/v1/organization/events': { allow: ADMINS },
  // Public: whoever holds the e-mailed link.
  'POST /api/v1/member-invitations/preview': { allow: EVERYONE, req: async (w) => ({ body: { token: await freshMemberToken(w) } }) },
  'POST /api/v1/member-invitations/accept': { allow: EVERYONE, req: async (w) => ({ body: { token: await freshMemberToken(w), displayName: `参加者 ${uniq()}`, password: 'correct horse battery' } }) },
  // Public: password + recovery code; the sweep user has no authenticator, so 409 totp_not_enabled (reached the rule, not refused).
  'POST /api/v1/auth/totp/reset': { allow: EVERYONE, req: (w) => ({ body: { email: w.loginUser.email, password: w.loginUser.password, recoveryCode: 'abcd-efgh-ijkl' } }) },
  'POST /api/v1/organization/users': {
    allow: ADMINS,
    req: () => ({ body: { email: `added-${uniq()}@example.test`, displayName: '追加', password: 'correct horse battery', orgRole: 'member' } }),
  },
  'GET /api/v1/engagements': { allow: AUTHED },
  'POST /api/v1/engagements': { allow: OWNER, req: () => ({ body: { title: '権限試験', systemName: '電子カルテ' } }) },
  'GET /api/v1/engagements/{id}': { allow: READERS, scoped: true, req: E },
  'PATCH /api/v1/engagements/{id}': { allow: OWNER, scoped: true, req: async (w) => ({ params: P(w), body: { version: await w.engagementVersion(), description: `更新 ${uniq()}` } }) },
  'GET /api/v1/engagements/{id}/cells': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/cells/compact': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/cells/{id}': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.cellId } }) },
  'GET /api/v1/engagements/{id}/progress': { allow: READERS, scoped: true, req: E },
  'POST /api/v1/cells/{id}/proposals': {
    allow: WRITERS,
    scoped: true,
    req: async (w) => ({ params: { id: w.cellId }, body: { assignment: w.split, version: await w.cellVersion(w.cellId), reason: 'sweep' } }),
  },
  // Only the parties whose consent counts answer (hospital A, EHR vendor R); the network vendor is not named: 403 consent_not_required.
  'POST /api/v1/proposals/{id}/accept': { allow: ['vendorMember', 'vendor', 'owner'], scoped: true, req: async (w) => ({ params: { id: await w.freshProposal() }, body: {} }) },
  'POST /api/v1/proposals/{id}/reject': {
    allow: ['vendorMember', 'vendor', 'owner'],
    scoped: true,
    req: async (w) => ({ params: { id: await w.freshProposal() }, body: { reason: '権限試験' } }),
  },
  // Only the proposer's party withdraws (the proposals here are the EHR vendor's): the owner and other parties get 403.
  // Per-cell results: a writer always gets 200 (here the cell has no open proposal: refused no_open_proposal).
  'POST /api/v1/engagements/{id}/proposals/accept': { allow: WRITERS, scoped: true, req: (w) => ({ params: P(w), body: { cellIds: [w.cellId] } }) },
  'POST /api/v1/proposals/{id}/withdraw': { allow: ['vendorMember', 'vendor'], scoped: true, req: async (w) => ({ params: { id: await w.freshProposal() } }) },
  'POST /api/v1/engagements/{id}/cells/bulk-proposals': { allow: WRITERS, scoped: true, req: (w) => ({ params: P(w), body: { cellIds: [w.bulkCellId], assignment: w.split } }) },
  'GET /api/v1/cells/{id}/comments': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.cellId } }) },
  'POST /api/v1/cells/{id}/comments': { allow: WRITERS, scoped: true, req: (w) => ({ params: { id: w.cellId }, body: { body: '権限試験のコメント' } }) },
  'GET /api/v1/cells/{id}/history': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.cellId } }) },
  'PATCH /api/v1/cells/{id}/review': { allow: WRITERS, scoped: true, req: async (w) => ({ params: { id: w.cellId }, body: { version: await w.cellVersion(w.cellId), notes: uniq() } }) },
  'PATCH /api/v1/cells/{id}/applicability': {
    allow: OWNER,
    scoped: true,
    req: async (w) => ({ params: { id: w.naCellId }, body: { version: await w.cellVersion(w.naCellId), notApplicable: true, reason: '権限試験' } }),
  },
  'GET /api/v1/engagements/{id}/findings': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/events': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/events/verify': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/events/stream': { allow: READERS, scoped: true, stream: true, req: E },
  // 発表者モード: any reader follows; writers present (another person's running presentation is a 409, not a denial);
  // ending someone else's is a 409 too, so every reader "gets through" DELETE.
  'GET /api/v1/engagements/{id}/review/presentation': { allow: READERS, scoped: true, req: E },
  'PUT /api/v1/engagements/{id}/review/presentation': { allow: WRITERS, scoped: true, req: (w) => ({ params: P(w), body: { cellId: w.cellId } }) },
  'DELETE /api/v1/engagements/{id}/review/presentation': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/export.csv': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/export.xlsx': { allow: READERS, scoped: true, req: E },
  'POST /api/v1/engagements/{id}/duties/import': { allow: OWNER, scoped: true, req: (w) => ({ params: P(w), payload: csv(`SW-${uniq()}`.toUpperCase()), contentType: 'text/csv' }) },
  'GET /api/v1/organization/duties': { allow: AUTHED },
  'POST /api/v1/organization/duties/import': { allow: ADMINS, req: () => ({ payload: csv(`OD-${uniq()}`.toUpperCase()), contentType: 'text/csv' }) },
  'GET /api/v1/engagements/{id}/parties': { allow: READERS, scoped: true, req: E },
  'POST /api/v1/engagements/{id}/parties': { allow: OWNER, scoped: true, req: (w) => ({ params: P(w), body: { role: 'other', displayName: `追加当事者 ${uniq()}` } }) },
  // The owner edits any party; a party's own members edit their party (the EHR vendor's here).
  'PATCH /api/v1/parties/{partyId}': {
    allow: ['vendorMember', 'vendor', 'owner'],
    scoped: true,
    req: async (w) => ({ params: { partyId: w.ehrPartyId }, body: { version: await w.partyVersion(w.ehrPartyId), contractReference: `契約 ${uniq()}` } }),
  },
  'GET /api/v1/parties/{partyId}/signatories': { allow: READERS, scoped: true, req: (w) => ({ params: { partyId: w.ehrPartyId } }) },
  // Signatories are managed by an admin of the party's own organization (the EHR vendor's admin, our signatory).
  'PUT /api/v1/parties/{partyId}/signatories/{userId}': { allow: ['vendor'], scoped: true, req: (w) => ({ params: { partyId: w.ehrPartyId, userId: w.vendorMemberUserId } }) },
  'DELETE /api/v1/parties/{partyId}/signatories/{userId}': { allow: ['vendor'], scoped: true, req: (w) => ({ params: { partyId: w.ehrPartyId, userId: w.vendorMemberUserId } }) },
  'GET /api/v1/engagements/{id}/assets': { allow: READERS, scoped: true, req: E },
  'POST /api/v1/engagements/{id}/assets': { allow: WRITERS, scoped: true, req: (w) => ({ params: P(w), body: { name: `端末 ${uniq()}`, category: 'client_terminal' } }) },
  'PATCH /api/v1/assets/{assetId}': { allow: WRITERS, scoped: true, req: async (w) => ({ params: { assetId: w.assetId }, body: { version: await w.assetVersion(w.assetId), model: uniq() } }) },
  'DELETE /api/v1/assets/{assetId}': { allow: OWNER, scoped: true, req: async (w) => ({ params: { assetId: await w.freshAsset() } }) },
  'GET /api/v1/engagements/{id}/duties': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/duties/export.csv': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/duties/export.xlsx': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/catalog-upgrade': { allow: READERS, scoped: true, req: E },
  // A code the upgrade does not offer: the owner gets a 4xx about the code, everyone else their refusal first.
  'POST /api/v1/engagements/{id}/catalog-upgrade/adopt': { allow: OWNER, scoped: true, req: (w) => ({ params: P(w), body: { dutyCodes: ['NOT-OFFERED-1'] } }) },
  'POST /api/v1/engagements/{id}/duties': { allow: OWNER, scoped: true, req: (w) => ({ params: P(w), body: { custom: w.customDuty(`SWD-${uniq()}`.toUpperCase()) } }) },
  'PATCH /api/v1/duties/{dutyId}': { allow: OWNER, scoped: true, req: async (w) => ({ params: { dutyId: w.naDutyId }, body: { version: await w.dutyVersion(w.naDutyId), notApplicable: true, reason: '権限試験' } }) },
  'PATCH /api/v1/duties/{dutyId}/definition': { allow: OWNER, scoped: true, req: async (w) => ({ params: { dutyId: w.naDutyId }, body: { version: await w.dutyVersion(w.naDutyId), order: 95_000 } }) },
  'POST /api/v1/engagements/{id}/invitations': {
    allow: OWNER,
    scoped: true,
    req: (w) => ({ params: P(w), body: { email: `invitee-${uniq()}@example.test`, role: 'other', displayName: `招待 ${uniq()}` } }),
  },
  'GET /api/v1/engagements/{id}/invitations': { allow: OWNER, scoped: true, req: E },
  'DELETE /api/v1/invitations/{invitationId}': { allow: OWNER, scoped: true, req: async (w) => ({ params: { invitationId: (await w.freshInvitation()).id } }) },
  'POST /api/v1/invitations/preview': { allow: EVERYONE, req: async (w) => ({ body: { token: (await w.freshInvitation()).token } }) },
  // Any signed-in organization admin invited by e-mail may accept its link; a plain member may not. Last: it makes the non-party a party.
  'POST /api/v1/invitations/accept': {
    allow: ADMINS,
    last: true,
    req: async (w, role) => ({ body: { token: (await w.freshInvitation(role === 'anonymous' ? undefined : w.callers[role].email)).token } }),
  },
  'POST /api/v1/engagements/{id}/revisions': { allow: OWNER, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/revisions': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/changes-since-signed': { allow: READERS, scoped: true, req: (w) => ({ params: P(w), query: { partyId: w.ehrPartyId } }) },
  'GET /api/v1/revisions/{id}': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.revisionId } }) },
  'GET /api/v1/revisions/{id}/export.json': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.revisionId } }) },
  'GET /api/v1/revisions/{id}/diff': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.revisionId }, query: { against: w.revisionId } }) },
  // Only a signatory of the party named, for that party (the EHR vendor's).
  'GET /api/v1/revisions/{id}/signing-statement': { allow: ['vendor'], scoped: true, req: (w) => ({ params: { id: w.revisionId }, query: { partyId: w.ehrPartyId } }) },
  'POST /api/v1/revisions/{id}/signatures': { allow: ['vendor'], scoped: true, req: (w) => ({ params: { id: w.revisionId }, body: { partyId: w.ehrPartyId, password: w.signatoryPassword } }) },
  'POST /api/v1/verify': { allow: AUTHED, req: () => ({ payload: '{"format":"bunkai-revision/1"}', contentType: 'application/json' }) },
  'GET /api/v1/engagements/{id}/audit.jsonl': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/audit.csv': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/engagements/{id}/audit/events': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/revisions/{id}/annex.docx': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.revisionId } }) },
  'GET /api/v1/engagements/{id}/annex.docx': { allow: READERS, scoped: true, req: E },
  'GET /api/v1/revisions/{id}/annex.pdf': { allow: READERS, scoped: true, req: (w) => ({ params: { id: w.revisionId } }) },
  'GET /api/v1/engagements/{id}/annex.pdf': { allow: READERS, scoped: true, req: E },
};

/** What `role` must get from a route: 'allowed', or the exact refusal status. */
export const expected = (e: Entry, role: Role, secured: boolean): 'allowed' | number => {
  if (e.allow.includes(role)) return 'allowed';
  const explicit = e.deny?.[role];
  if (explicit !== undefined) return explicit;
  if (role === 'anonymous') return secured ? 401 : 403;
  if (role === 'outsider' && e.scoped) return 404;
  return 403;
};
