import type { TAnnexCell, TAnnexInput, TAnnexSignature } from '@bunkai/docx';
import {
  type TAsset,
  type TCanonicalRevision,
  type TDuty,
  type TEngagementSnapshot,
  type TFinding,
  type TKickoff,
  type TEngagementContract,
  type TParty,
  type TRevisionStanding,
  buildCanonicalRevision,
  computeFindings,
} from '@bunkai/domain';
import { partyKeyInRevision } from '../revisions/party-keys.ts';

/**
 * Turns what the API stores into the annex builder's input. Two sources: a
 * frozen revision's canonical snapshot (版の正規形 — exactly what was hashed and
 * signed, never the live matrix) and the live matrix (草案 / draft).
 */

const JST_MS = 9 * 3_600_000;

/** An instant as YYYY-MM-DD in Japan time, the date a Japanese reader expects. */
export const jstDate = (iso: string): string => new Date(Date.parse(iso) + JST_MS).toISOString().slice(0, 10);

/** PGlite and PostgreSQL return timestamps in different text forms; the annex bytes must not differ. */
export const isoInstant = (s: string): string => new Date(s).toISOString();

const annexFindings = (findings: readonly TFinding[]) => findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message }));

const annexCell = (c: TAnnexCell): TAnnexCell => ({
  id: c.id,
  dutyId: c.dutyId,
  assetId: c.assetId,
  status: c.status,
  assignment: c.assignment,
  terms: c.terms,
  notApplicableReason: c.notApplicableReason,
  kickoff: c.kickoff,
});

type TSnapshotEngagement = TEngagementSnapshot['engagement'];

/**
 * The engagement exactly as a revision froze it. The canonical form names
 * parties and assets by key (P1…, A1…), duties by code and cells by
 * `<code>@<asset|*>`; those keys become the ids, so nothing outside the hashed
 * text gets into the document.
 */
export const snapshotFromCanonical = (canonical: TCanonicalRevision, engagementId: string, today: string): TEngagementSnapshot => {
  const parties = canonical.parties.map(
    (p, position): TParty => ({
      id: p.key,
      engagementId,
      // The canonical form knows the organization by name only; any non-null id marks the party as joined.
      organizationId: p.organizationName === null ? null : `org-${p.key}`,
      role: p.role as TParty['role'],
      displayName: p.displayName,
      contractReference: p.contractReference,
      normalContacts: p.normalContacts,
      emergencyContacts: p.emergencyContacts,
      position,
      version: 1,
    }),
  );
  const assets = canonical.assets.map(
    (a, position): TAsset => ({
      id: a.key,
      engagementId,
      name: a.name,
      category: a.category as TAsset['category'],
      ownerPartyId: a.owner,
      vendor: a.vendor,
      model: a.model,
      assetVersion: a.version,
      supportEndsOn: a.supportEndsOn,
      position,
      version: 1,
    }),
  );
  const duties = canonical.duties.map(
    (d): TDuty => ({
      id: d.code,
      engagementId,
      code: d.code,
      title: d.title,
      description: d.description,
      phase: d.phase as TDuty['phase'],
      category: d.category as TDuty['category'],
      appliesTo: d.appliesTo as TDuty['appliesTo'],
      concerns: d.concerns as TDuty['concerns'],
      kakuninhyoPart: d.kakuninhyoPart as TDuty['kakuninhyoPart'],
      order: d.order,
      references: d.references,
      catalogVersion: d.catalogVersion,
      notApplicableReason: d.notApplicableReason,
      version: 1,
    }),
  );
  const cells = canonical.cells.map((c) => ({
    id: c.key,
    dutyId: c.duty,
    assetId: c.asset,
    status: c.status as TAnnexCell['status'],
    assignment: c.assignment,
    terms: c.terms,
    notApplicableReason: c.notApplicableReason,
    kickoff: { ...c.kickoff, firstCheckAnswer: c.kickoff.firstCheckAnswer as TKickoff['firstCheckAnswer'] },
    proposedAssignment: null,
  }));
  const e = canonical.engagement;
  const engagement: TSnapshotEngagement = {
    id: engagementId,
    title: e.title,
    systemName: e.systemName,
    serviceModel: e.serviceModel as TSnapshotEngagement['serviceModel'],
    provisionPattern: e.provisionPattern as TSnapshotEngagement['provisionPattern'],
    status: 'signing',
  };
  return { engagement, parties, assets, duties, cells, today };
};

/** A signature row as stored (only what the annex prints). */
export type StoredSignature = {
  partyId: string;
  organizationId: string;
  signerName: string;
  signedAt: string;
  seal: string;
  revisionSha256: string;
  ip: string;
  userAgent: string;
  authentication: string | null;
};

export type RevisionAnnexSource = {
  engagementId: string;
  revision: { number: number; sha256: string; executed: boolean; frozenAt: string; canonical: TCanonicalRevision };
  signatures: readonly StoredSignature[];
  /** Today's parties: signatures name live party ids, related to the revision's party keys through them. */
  liveParties: readonly TParty[];
  /** Organization id → name, for the live parties and the signers' organizations. */
  organizationNames: ReadonlyMap<string, string>;
  verifyUrl?: string;
  /** 版の効力 today (printed on the cover; not compared by verification, it follows later revisions). */
  standing?: TRevisionStanding;
  /** 主契約 as the engagement records it now (reference data, not part of the hashed content). */
  contract?: TEngagementContract | null;
};

/**
 * The annex of a frozen or executed revision: content from the canonical
 * snapshot, signatures from the signatures table, findings re-evaluated on the
 * frozen content as of the freeze date (warnings only: blocking ones refused
 * the freeze). Every date derives from stored instants, so the same revision
 * state always gives the same input.
 */
export const revisionAnnexInput = (src: RevisionAnnexSource): TAnnexInput => {
  const { canonical } = src.revision;
  const frozenAt = isoInstant(src.revision.frozenAt);
  const snapshot = snapshotFromCanonical(canonical, src.engagementId, frozenAt.slice(0, 10));

  const live = buildCanonicalRevision(
    { engagement: canonical.engagement as TSnapshotEngagement, parties: src.liveParties, assets: [], duties: [], cells: [] },
    src.organizationNames,
  );
  const byKey = new Map(canonical.parties.map((p) => [p.key, p]));
  const signatures: TAnnexSignature[] = [];
  for (const s of src.signatures) {
    const key = partyKeyInRevision(canonical, live.canonical, live.partyKeys.get(s.partyId) ?? null);
    const party = key ? byKey.get(key) : undefined;
    if (!party) continue;
    signatures.push({
      partyId: party.key,
      signerName: s.signerName,
      organizationName: party.organizationName ?? src.organizationNames.get(s.organizationId) ?? '',
      signedAt: isoInstant(s.signedAt),
      seal: s.seal,
      revisionSha256: s.revisionSha256,
      authentication: s.authentication,
      ip: s.ip,
      userAgent: s.userAgent,
    });
  }
  signatures.sort((a, b) => (a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0));

  const hospital = canonical.parties.find((p) => p.role === 'hospital');
  const latest = [frozenAt, ...signatures.map((s) => s.signedAt)].sort().at(-1) ?? frozenAt;
  return {
    engagement: {
      ...snapshot.engagement,
      hospitalName: hospital?.organizationName ?? hospital?.displayName ?? '',
      ...(src.contract ? { contract: contractByKey(src.contract, (id) => partyKeyInRevision(canonical, live.canonical, live.partyKeys.get(id) ?? null)) } : {}),
    },
    parties: snapshot.parties,
    organizationNames: Object.fromEntries(canonical.parties.flatMap((p) => (p.organizationName === null ? [] : [[p.key, p.organizationName]]))),
    assets: snapshot.assets,
    duties: snapshot.duties,
    cells: snapshot.cells.map(annexCell),
    revision: {
      number: src.revision.number,
      sha256: src.revision.sha256,
      status: src.revision.executed ? 'executed' : 'frozen',
      frozenAt,
      ...(src.standing ? { standing: src.standing } : {}),
    },
    signatures,
    findings: annexFindings(computeFindings(snapshot).filter((f) => f.severity === 'warning')),
    generatedOn: jstDate(latest),
    ...(src.verifyUrl ? { verifyUrl: src.verifyUrl } : {}),
  };
};

/** The contract names parties by live id; the revision's annex names them by revision key (P1…). */
const contractByKey = (contract: TEngagementContract, keyOf: (liveId: string) => string | null): TEngagementContract => ({
  ...contract,
  designations: Object.fromEntries(
    Object.entries(contract.designations).flatMap(([liveId, d]) => {
      const key = keyOf(liveId);
      return key ? [[key, d] as const] : [];
    }),
  ),
});

export type DraftAnnexSource = {
  snapshot: TEngagementSnapshot;
  /** Organization id → name for the parties (and the owner, as the hospital's fallback name). */
  organizationNames: ReadonlyMap<string, string>;
  ownerOrganizationId: string;
  /** The instant the draft is generated (its date is printed). */
  now: string;
  verifyUrl?: string;
  contract?: TEngagementContract | null;
};

/** The live matrix as a draft (草案): no revision, no signatures, every open finding (blocking ones too). */
export const draftAnnexInput = (src: DraftAnnexSource): TAnnexInput => {
  const { snapshot } = src;
  const nameOf = (orgId: string | null) => (orgId === null ? undefined : src.organizationNames.get(orgId));
  const hospital = snapshot.parties.find((p) => p.role === 'hospital');
  return {
    engagement: {
      id: snapshot.engagement.id,
      title: snapshot.engagement.title,
      systemName: snapshot.engagement.systemName,
      serviceModel: snapshot.engagement.serviceModel,
      provisionPattern: snapshot.engagement.provisionPattern,
      hospitalName: nameOf(hospital?.organizationId ?? null) ?? nameOf(src.ownerOrganizationId) ?? hospital?.displayName ?? '',
      ...(src.contract ? { contract: src.contract } : {}),
    },
    parties: snapshot.parties,
    organizationNames: Object.fromEntries(snapshot.parties.flatMap((p) => {
      const name = nameOf(p.organizationId);
      return name === undefined ? [] : [[p.id, name]];
    })),
    assets: snapshot.assets,
    duties: snapshot.duties,
    cells: snapshot.cells.map(annexCell),
    revision: null,
    signatures: [],
    findings: annexFindings(computeFindings(snapshot)),
    generatedOn: jstDate(src.now),
    ...(src.verifyUrl ? { verifyUrl: src.verifyUrl } : {}),
  };
};
