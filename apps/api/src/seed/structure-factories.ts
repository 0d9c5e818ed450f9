import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type {
  TAcceptInvitationResponse,
  TAsset,
  TAssetInput,
  TCreateInvitationResponse,
  TDuty,
  TEngagement,
  TParty,
  TPartyRole,
  TSignatory,
  ZCustomDutyInput,
} from '@bunkai/domain';
import { type Member, createFactories } from './factories.ts';
import { expectStatus } from './http-client.ts';

/** Placeholder party to create while inviting (instead of an existing party id). */
export type NewPartySpec = { role: Exclude<TPartyRole, 'hospital'>; displayName: string };

type AssetSpec = Partial<TAssetInput> & Pick<TAssetInput, 'name' | 'category'>;

/**
 * Factories for an engagement's structure — engagements, parties,
 * invitations, signatories, assets, duties — shared by tests and the demo
 * seed. They call the real routes and throw with the body on any unexpected
 * status, so a broken precondition fails loudly where it happens.
 */
export const createStructureFactories = (app: FastifyInstance) => {
  const base = createFactories(app);

  const createEngagement = async (owner: Member, opts: { templateCode?: string; title?: string; systemName?: string } = {}): Promise<TEngagement> =>
    expectStatus(
      await owner.http.post<{ engagement: TEngagement }>('/api/v1/engagements', {
        title: opts.title ?? '電子カルテ更改 責任分界協議',
        systemName: opts.systemName ?? '電子カルテシステム',
        ...(opts.templateCode ? { templateCode: opts.templateCode } : {}),
      }),
      201,
      'create engagement',
    ).engagement;

  const listParties = async (member: Member, engagementId: string): Promise<TParty[]> =>
    expectStatus(await member.http.get<{ parties: TParty[] }>(`/api/v1/engagements/${engagementId}/parties`), 200, 'list parties').parties;

  const addParty = async (owner: Member, engagementId: string, spec: NewPartySpec & { contractReference?: string }): Promise<TParty> =>
    expectStatus(await owner.http.post<{ party: TParty }>(`/api/v1/engagements/${engagementId}/parties`, spec), 201, 'add party').party;

  const invite = async (owner: Member, engagementId: string, target: string | NewPartySpec, email = `invitee-${Date.now().toString(36)}@example.test`) =>
    expectStatus(
      await owner.http.post<TCreateInvitationResponse>(
        `/api/v1/engagements/${engagementId}/invitations`,
        typeof target === 'string' ? { email, partyId: target } : { email, ...target },
      ),
      201,
      'create invitation',
    );

  const accept = async (vendor: Member, token: string): Promise<TAcceptInvitationResponse> =>
    expectStatus(await vendor.http.post<TAcceptInvitationResponse>('/api/v1/invitations/accept', { token }), 200, 'accept invitation');

  /** The owner invites `vendor`'s organization into a party (existing id or new placeholder) and the vendor accepts. */
  const inviteAndAccept = async (owner: Member, engagementId: string, target: string | NewPartySpec, vendor: Member) => {
    const created = await invite(owner, engagementId, target, vendor.email);
    const accepted = await accept(vendor, created.token);
    return { partyId: accepted.partyId, invitationId: created.invitation.id, token: created.token };
  };

  /** The party's organization admin grants the signatory right to one of its users. */
  const grantSignatory = async (admin: Member, partyId: string, userId: string): Promise<TSignatory> =>
    expectStatus(await admin.http.put<{ signatory: TSignatory }>(`/api/v1/parties/${partyId}/signatories/${userId}`), 200, 'grant signatory').signatory;

  const addAssets = async (member: Member, engagementId: string, assets: AssetSpec[]) =>
    expectStatus(
      await member.http.post<{ assets: TAsset[]; cellsCreated: number }>(`/api/v1/engagements/${engagementId}/assets`, { assets }),
      201,
      'add assets',
    );

  const addDuties = async (owner: Member, engagementId: string, duties: string[] | { custom: z.input<typeof ZCustomDutyInput> }) =>
    expectStatus(
      await owner.http.post<{ duties: TDuty[]; cellsCreated: number }>(
        `/api/v1/engagements/${engagementId}/duties`,
        Array.isArray(duties) ? { catalogCodes: duties } : duties,
      ),
      201,
      'add duties',
    );

  const listDuties = async (member: Member, engagementId: string): Promise<TDuty[]> =>
    expectStatus(await member.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${engagementId}/duties`), 200, 'list duties').duties;

  return {
    ...base,
    createEngagement,
    listParties,
    addParty,
    invite,
    accept,
    inviteAndAccept,
    grantSignatory,
    addAssets,
    addDuties,
    listDuties,
  };
};
export type StructureFactories = ReturnType<typeof createStructureFactories>;
