import type { FastifyInstance } from 'fastify';
import type { TEngagement, TOrganizationKind, TParty } from '@bunkai/domain';
import type { Member } from './factories.ts';
import { createHttpClient } from './http-client.ts';
import { type NegotiationFactories, createNegotiationFactories } from './negotiation-factories.ts';

/**
 * The one role vocabulary of the tests (and of any seeded cast):
 * - owner: the hospital organization's admin (owner of the engagement, member of the hospital party);
 * - hospitalMember: a non-admin user of the hospital;
 * - vendor: the admin of the main vendor organization (EHR vendor unless told otherwise), member of its party,
 *   and its signatory when `vendorSignatory` is set;
 * - vendorMember: a plain (non-admin, non-signatory) user of that same vendor organization;
 * - otherVendor: the admin of a second vendor (network vendor unless told otherwise), another party;
 * - observer: the admin of an observer party (監査法人, read-only);
 * - outsider: an organization in no party of the engagement;
 * - anonymous: no token at all.
 */
export const ROLES = ['anonymous', 'outsider', 'observer', 'vendorMember', 'vendor', 'otherVendor', 'hospitalMember', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export type VendorPartyRole = 'ehr_vendor' | 'network_vendor' | 'vpn_owner';
type OrgSpec = { name?: string; displayName?: string };
type VendorSpec = OrgSpec & { role?: VendorPartyRole; partyName?: string };
export type JoinedVendor = { admin: Member; partyId: string };

export type WorldOptions<R extends Role> = {
  /** The callers to create; the world holds exactly these (plus the owner, who builds everything). */
  roles: readonly R[];
  hospital?: OrgSpec;
  /** With a template, vendors join its placeholder parties; without one, each joins a new party. */
  engagement?: { title?: string; systemName?: string; templateCode?: string };
  vendor?: VendorSpec;
  otherVendor?: VendorSpec;
  /** Vendors that join without being a caller (the VPN owner of the VPN story). */
  extraVendors?: VendorSpec[];
  observer?: OrgSpec & { partyName?: string };
  outsider?: OrgSpec & { kind?: TOrganizationKind };
  hospitalMember?: OrgSpec;
  /** The vendor's admin is granted the signatory right of its party. */
  vendorSignatory?: boolean;
};

const DEFAULT_NAMES: Record<VendorPartyRole, string> = {
  ehr_vendor: '電子カルテベンダーA社',
  network_vendor: 'ネットワーク事業者B社',
  vpn_owner: 'リモート保守回線事業者C社',
};

/**
 * One engagement with the callers a suite asks for, built through the real
 * routes by the shared factories (the demo seed and the tests use the same).
 */
export const createWorld = async <R extends Role>(app: FastifyInstance, opts: WorldOptions<R>) => {
  const f: NegotiationFactories = createNegotiationFactories(app);
  const wants = (r: Role) => (opts.roles as readonly Role[]).includes(r);
  const owner = await f.registerOrganization({ name: opts.hospital?.name ?? '市立みなと病院', kind: 'hospital', displayName: opts.hospital?.displayName });
  const engagement: TEngagement = await f.createEngagement(owner, opts.engagement ?? {});
  const eid = engagement.id;
  const placeholders = await f.listParties(owner, eid);
  const hospitalPartyId = placeholders.find((p) => p.role === 'hospital')!.id;

  const vendors: Partial<Record<VendorPartyRole, JoinedVendor>> = {};
  const join = async (spec: VendorSpec, fallback: VendorPartyRole): Promise<JoinedVendor> => {
    const role = spec.role ?? fallback;
    const name = spec.name ?? DEFAULT_NAMES[role];
    const admin = await f.registerOrganization({ name, kind: 'vendor', displayName: spec.displayName });
    let target: string | { role: VendorPartyRole; displayName: string } = { role, displayName: spec.partyName ?? name };
    if (opts.engagement?.templateCode) {
      const placeholder = placeholders.find((p) => p.role === role && p.organizationId === null);
      if (!placeholder) throw new Error(`template ${opts.engagement.templateCode} has no placeholder party ${role}`);
      target = placeholder.id;
    }
    const { partyId } = await f.inviteAndAccept(owner, eid, target, admin);
    vendors[role] = { admin, partyId };
    return { admin, partyId };
  };
  const vendor = wants('vendor') || wants('vendorMember') ? await join(opts.vendor ?? {}, 'ehr_vendor') : null;
  const otherVendor = wants('otherVendor') ? await join(opts.otherVendor ?? {}, 'network_vendor') : null;
  for (const extra of opts.extraVendors ?? []) await join(extra, 'vpn_owner');

  let observerPartyId: string | null = null;
  let observer: Member | null = null;
  if (wants('observer')) {
    const name = opts.observer?.name ?? '監査法人D';
    observer = await f.registerOrganization({ name, kind: 'vendor', displayName: opts.observer?.displayName });
    observerPartyId = (await f.inviteAndAccept(owner, eid, { role: 'observer', displayName: opts.observer?.partyName ?? name }, observer)).partyId;
  }
  if (vendor && opts.vendorSignatory) await f.grantSignatory(vendor.admin, vendor.partyId, vendor.admin.session.user.id);
  const vendorMember = vendor && wants('vendorMember') ? await f.addMember(vendor.admin) : null;
  const hospitalMember = wants('hospitalMember') ? await f.addMember(owner, { displayName: opts.hospitalMember?.displayName }) : null;
  const outsider = await f.registerOrganization({ name: opts.outsider?.name ?? '無関係E社', kind: opts.outsider?.kind ?? 'vendor', displayName: opts.outsider?.displayName });

  const all: Record<Role, Member | null> = {
    anonymous: { ...outsider, http: createHttpClient(app) },
    outsider: wants('outsider') ? outsider : null,
    observer,
    vendorMember,
    vendor: vendor?.admin ?? null,
    otherVendor: otherVendor?.admin ?? null,
    hospitalMember,
    owner,
  };
  const callers = Object.fromEntries(opts.roles.map((r) => [r, all[r]!])) as Record<R, Member>;
  const parties: TParty[] = await f.listParties(owner, eid);
  return {
    f,
    engagement,
    eid,
    parties,
    hospitalPartyId,
    vendorPartyId: vendor?.partyId ?? null,
    otherVendorPartyId: otherVendor?.partyId ?? null,
    observerPartyId,
    vendors,
    callers,
    ...callers,
    owner,
  };
};
export type World<R extends Role = Role> = Awaited<ReturnType<typeof createWorld<R>>>;

/** The VPN story's cast: the on-prem EHR/VPN template, its three vendors joined, an observer, a non-admin hospital user and an outsider. */
export const NEGOTIATION_ROLES = ['anonymous', 'outsider', 'observer', 'vendor', 'otherVendor', 'hospitalMember', 'owner'] as const;
export const negotiationWorld = async (app: FastifyInstance) => {
  const w = await createWorld(app, {
    roles: NEGOTIATION_ROLES,
    hospital: { name: 'デモ総合病院' },
    engagement: { templateCode: 'onprem-ehr-vpn' },
    extraVendors: [{ role: 'vpn_owner' }],
  });
  const vendors = { ehr_vendor: w.vendors.ehr_vendor!, network_vendor: w.vendors.network_vendor!, vpn_owner: w.vendors.vpn_owner! };
  return { ...w, vendors, observerPartyId: w.observerPartyId! };
};
export type NegotiationWorld = Awaited<ReturnType<typeof negotiationWorld>>;
