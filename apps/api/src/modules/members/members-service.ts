import {
  type TAcceptMemberInvitationRequest,
  type TCreateMemberInvitationRequest,
  type TMemberInvitationPreview,
  conflict,
  forbidden,
  invitationStatus,
  notFound,
} from '@bunkai/domain';
import {
  type Db,
  type MemberInvitationRow,
  accountEventsRepository,
  authRepository,
  iso,
  memberInvitationsRepository,
  organizationsRepository,
  toMemberInvitation,
} from '@bunkai/db';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../plugins/auth.ts';
import { type AuthService, hashToken, newOpaqueToken } from '../auth/index.ts';
import type { MailService } from '../mail/index.ts';

type Deps = {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'invitationTtlDays'>;
  mail: Pick<MailService, 'enqueueMail'>;
  auth: Pick<AuthService, 'newAccount' | 'issueSession'>;
};

const DAY_MS = 86_400_000;

const assertAdmin = (actor: Actor) => {
  if (actor.orgRole !== 'admin') throw forbidden('admin_only', 'Only an administrator of your organization can invite or manage members.');
};

/** Why a link can no longer be used; the same codes as engagement invitations. */
const assertUsable = (r: MemberInvitationRow, now: Date) => {
  const status = invitationStatus(r, now);
  if (status === 'revoked') throw conflict('invitation_revoked', 'This invitation was revoked by an administrator; ask for a new one.');
  if (status === 'accepted') throw conflict('invitation_used', 'This invitation has already been used; each link works once. Sign in instead.');
  if (status === 'expired') throw conflict('invitation_expired', `This invitation expired at ${iso(r.expiresAt)}; ask an administrator to send it again.`);
};

/**
 * メンバー招待: an organization admin invites a person by e-mail; the person sets their own name and
 * password from the link and becomes a member. The token is e-mailed only (never answered to the
 * admin, who would otherwise hold the new account's first password in all but name), in a fragment
 * (`/join#token=…`) that browsers never send to a server. Mail is queued in the same transaction,
 * so a rolled-back invitation sends nothing. Every step lands in the account audit log.
 */
export const createMembersService = ({ db, clock, config, mail, auth }: Deps) => {
  const repo = memberInvitationsRepository(db);
  const events = accountEventsRepository(db);
  const orgs = organizationsRepository(db);
  const users = authRepository(db);

  const joinUrl = (token: string) => `${config.publicUrl.replace(/\/+$/, '')}/join#token=${token}`;

  /** A fresh token and deadline for the row's address, and the e-mail that carries the link. */
  const sendLink = async (actor: Actor, row: { email: string; orgRole: MemberInvitationRow['orgRole'] }, tx: Db) => {
    const token = newOpaqueToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.invitationTtlDays * DAY_MS).toISOString();
    const inviter = await orgs.findUserWithOrganization(actor.userId, tx);
    await mail.enqueueMail(
      {
        to: row.email,
        template: 'memberInvitation',
        data: { organizationName: inviter?.organizationName ?? '', inviterName: inviter?.displayName ?? '', orgRole: row.orgRole, joinUrl: joinUrl(token), expiresAt },
      },
      tx,
    );
    return { tokenHash: hashToken(token), expiresAt, sentAt: now.toISOString() };
  };

  const loadOwn = async (actor: Actor, id: string, tx: Db) => {
    assertAdmin(actor);
    const row = await repo.lockInOrganization(actor.organizationId, id, tx);
    if (!row) throw notFound('Invitation', id);
    return row;
  };

  return {
    invite: async (actor: Actor, body: TCreateMemberInvitationRequest) =>
      db.transaction(async (tx) => {
        assertAdmin(actor);
        if (await users.findUserByEmail({ email: body.email }, tx)) throw conflict('email_taken', `An account for ${body.email} already exists.`);
        const now = clock.now();
        if ((await repo.openFor(actor.organizationId, body.email, tx)).some((r) => invitationStatus(r, now) === 'pending'))
          throw conflict('member_invitation_pending', `${body.email} already has a pending invitation; resend it instead.`);
        const link = await sendLink(actor, body, tx);
        const row = await repo.insert({ organizationId: actor.organizationId, email: body.email, orgRole: body.orgRole, createdByUserId: actor.userId, ...link }, tx);
        await events.append(
          { organizationId: actor.organizationId, type: 'member.invited', actorUserId: actor.userId, subjectUserId: null, payload: { invitationId: row.id, email: row.email, orgRole: row.orgRole }, at: link.sentAt },
          tx,
        );
        return { invitation: toMemberInvitation(row, now) };
      }),

    list: async (actor: Actor) => {
      assertAdmin(actor);
      const now = clock.now();
      return { invitations: (await repo.listByOrganization(actor.organizationId)).map((r) => toMemberInvitation(r, now)) };
    },

    /** A new link (the old one stops working) with a new deadline; pending or expired invitations only. */
    resend: async (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const row = await loadOwn(actor, id, tx);
        if (row.acceptedAt) throw conflict('invitation_used', 'This invitation has already been used; the person is a member.');
        if (row.revokedAt) throw conflict('invitation_revoked', 'This invitation was revoked; invite the address again.');
        const link = await sendLink(actor, row, tx);
        const updated = await repo.renew(row.id, link, tx);
        await events.append(
          { organizationId: actor.organizationId, type: 'member.invitation_resent', actorUserId: actor.userId, subjectUserId: null, payload: { invitationId: row.id, email: row.email }, at: link.sentAt },
          tx,
        );
        return { invitation: toMemberInvitation(updated, clock.now()) };
      }),

    /** Revoking twice is a no-op; a used invitation cannot be revoked. */
    revoke: async (actor: Actor, id: string) =>
      db.transaction(async (tx) => {
        const row = await loadOwn(actor, id, tx);
        const now = clock.now();
        if (row.acceptedAt) throw conflict('invitation_used', 'This invitation has already been used; the person is a member.');
        if (row.revokedAt) return { invitation: toMemberInvitation(row, now) };
        const updated = await repo.markRevoked(row.id, now, tx);
        await events.append(
          { organizationId: actor.organizationId, type: 'member.invitation_revoked', actorUserId: actor.userId, subjectUserId: null, payload: { invitationId: row.id, email: row.email }, at: now.toISOString() },
          tx,
        );
        return { invitation: toMemberInvitation(updated, now) };
      }),

    /** What the join page shows; the token is the only credential. */
    preview: async (token: string): Promise<TMemberInvitationPreview> => {
      const row = await repo.findPreviewByTokenHash(hashToken(token));
      if (!row) throw notFound('Invitation');
      const i = row.invitation;
      return { organizationName: row.organizationName, email: i.email, orgRole: i.orgRole, expiresAt: iso(i.expiresAt), status: invitationStatus(i, clock.now()) };
    },

    /** The person chooses a name and password; the account is created, the link spent, and they are signed in. */
    accept: async (body: TAcceptMemberInvitationRequest) =>
      db.transaction(async (tx) => {
        const row = await repo.lockByTokenHash(hashToken(body.token), tx);
        if (!row) throw notFound('Invitation');
        const now = clock.now();
        assertUsable(row, now);
        const user = await auth.newAccount(row.organizationId, { email: row.email, displayName: body.displayName, password: body.password, orgRole: row.orgRole }, tx);
        await repo.markAccepted(row.id, user.id, now, tx);
        await events.append(
          { organizationId: row.organizationId, type: 'member.joined', actorUserId: user.id, subjectUserId: user.id, payload: { invitationId: row.id, email: row.email, orgRole: row.orgRole }, at: now.toISOString() },
          tx,
        );
        const organization = (await orgs.findById(row.organizationId, tx))!;
        return auth.issueSession({ user, organization }, undefined, tx);
      }),

    /** The account audit log of the caller's organization, newest first (admins). */
    events: async (actor: Actor, limit: number) => {
      assertAdmin(actor);
      return { events: await events.list({ organizationId: actor.organizationId, limit }) };
    },
  };
};
export type MembersService = ReturnType<typeof createMembersService>;
