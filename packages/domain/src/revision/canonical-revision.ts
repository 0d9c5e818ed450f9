/**
 * The canonical revision snapshot (版の正規形), format `bunkai-revision/1`,
 * documented in docs/decisions/0004-revision-canonical-form.md.
 *
 * It is what a revision's SHA-256 is computed over, so it holds only what the
 * parties agree to and nothing the database invents: no surrogate ids, no
 * timestamps, no row versions. Parties and assets are named by position
 * (`P1…`, `A1…`), duties by their code, cells by `<dutyCode>@<assetKey|*>`.
 * The same matrix therefore hashes identically on PGlite and PostgreSQL, and in
 * two engagements that hold the same content. Pure: hashing happens in the API.
 */
import { canonicalJson } from '../canonical/canonical-json.ts';
import { canonicalCellsJson } from './canonical-cells.ts';
import type { TContact } from '../model/party.ts';
import type { TDutyReference } from '../model/duty.ts';
import type { TEngagementSnapshot, TSnapshotCell } from '../model/snapshot.ts';
import type { TLocalized } from '../model/primitives.ts';
import { RACI_ROLES, type TRaciRole } from '../model/enums.ts';

export const REVISION_FORMAT = 'bunkai-revision/1';

export type TCanonicalContact = { name: string; phone: string; email: string; hours: string };

export type TCanonicalParty = {
  key: string;
  role: string;
  displayName: string;
  /** The organization that joined as this party; null for a placeholder nobody accepted yet. */
  organizationName: string | null;
  contractReference: string;
  normalContacts: TCanonicalContact[];
  emergencyContacts: TCanonicalContact[];
};

export type TCanonicalAsset = {
  key: string;
  name: string;
  category: string;
  /** 資産の所有者, as a party key. */
  owner: string | null;
  vendor: string;
  model: string;
  version: string;
  supportEndsOn: string | null;
};

export type TCanonicalDuty = {
  code: string;
  title: TLocalized;
  description: TLocalized;
  phase: string;
  category: string;
  appliesTo: string[];
  concerns: string[];
  kakuninhyoPart: number;
  order: number;
  references: TDutyReference[];
  catalogVersion: string | null;
  notApplicableReason: string | null;
};

export type TCanonicalTerms = { responseTime: string; frequency: string; evidence: string; remarks: string };
export type TCanonicalKickoff = { firstCheckAnswer: string | null; firstCheckOn: string | null; completedOn: string | null; notes: string };

export type TCanonicalCell = {
  key: string;
  duty: string;
  asset: string | null;
  status: string;
  /** Agreed roles per party key, letters in R, A, C, I order; null when nothing is agreed. */
  assignment: Record<string, TRaciRole[]> | null;
  terms: TCanonicalTerms;
  notApplicableReason: string | null;
  kickoff: TCanonicalKickoff;
};

export type TCanonicalRevision = {
  format: typeof REVISION_FORMAT;
  engagement: { title: string; systemName: string; serviceModel: string; provisionPattern: string };
  parties: TCanonicalParty[];
  assets: TCanonicalAsset[];
  duties: TCanonicalDuty[];
  cells: TCanonicalCell[];
};

export type TCanonicalRevisionResult = {
  /** The canonical object, read back from `text` (so every string is already NFC). */
  canonical: TCanonicalRevision;
  /** canonicalJson(canonical): the exact text whose UTF-8 bytes are hashed and stored. */
  text: string;
  /** Surrogate id → key, for the API to relate live rows to the canonical form. */
  partyKeys: ReadonlyMap<string, string>;
  assetKeys: ReadonlyMap<string, string>;
  cellKeys: ReadonlyMap<string, string>;
};

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const ROLE_RANK = new Map<string, number>(RACI_ROLES.map((r, i) => [r, i]));

/** Calendar dates as YYYY-MM-DD whatever the driver returned. */
export const canonicalDate = (d: string | null): string | null => {
  if (d === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(d);
  return m ? m[1]! : d;
};

const contact = (c: TContact): TCanonicalContact => ({ name: c.name, phone: c.phone ?? '', email: c.email ?? '', hours: c.hours ?? '' });

const reference = (r: TDutyReference): TDutyReference =>
  r.note ? { document: r.document, section: r.section, note: r.note } : { document: r.document, section: r.section };

/** Sorts by position, breaking ties by content so equal positions still order the same on every engine. */
const byPositionThenContent = <T extends { position: number }, C>(rows: readonly T[], content: (r: T) => C) =>
  rows
    .map((row) => {
      const body = content(row);
      return { row, body, tie: canonicalJson(body) };
    })
    .sort((a, b) => a.row.position - b.row.position || byCodeUnits(a.tie, b.tie));

export const sortRoles = (roles: readonly string[]): TRaciRole[] =>
  [...new Set(roles)].filter((r): r is TRaciRole => ROLE_RANK.has(r)).sort((a, b) => ROLE_RANK.get(a)! - ROLE_RANK.get(b)!);

/**
 * Builds the canonical revision of a snapshot. `organizationNames` maps the
 * organization id of each joined party to its name (the signing organization
 * is part of what is agreed). Throws on a snapshot that references rows it
 * does not contain: such a matrix must not be signed.
 */
export const buildCanonicalRevision = (
  snapshot: Pick<TEngagementSnapshot, 'parties' | 'assets' | 'duties' | 'cells'> & {
    engagement: Pick<TEngagementSnapshot['engagement'], 'title' | 'systemName' | 'serviceModel' | 'provisionPattern'>;
  },
  organizationNames: ReadonlyMap<string, string>,
): TCanonicalRevisionResult => {
  const partyKeys = new Map<string, string>();
  const parties = byPositionThenContent(snapshot.parties, (p) => ({
    role: p.role,
    displayName: p.displayName,
    organizationName: p.organizationId === null ? null : (organizationNames.get(p.organizationId) ?? null),
    contractReference: p.contractReference,
    normalContacts: p.normalContacts.map(contact),
    emergencyContacts: p.emergencyContacts.map(contact),
  })).map(({ row, body }, i): TCanonicalParty => {
    const key = `P${i + 1}`;
    partyKeys.set(row.id, key);
    return { key, ...body };
  });
  const partyKey = (id: string, where: string): string => {
    const key = partyKeys.get(id);
    if (!key) throw new Error(`canonical revision: ${where} names party ${id}, which is not in the engagement`);
    return key;
  };

  const assetKeys = new Map<string, string>();
  const assets = byPositionThenContent(snapshot.assets, (a) => ({
    name: a.name,
    category: a.category,
    owner: a.ownerPartyId === null ? null : partyKey(a.ownerPartyId, `asset ${a.name}`),
    vendor: a.vendor,
    model: a.model,
    version: a.assetVersion,
    supportEndsOn: canonicalDate(a.supportEndsOn),
  })).map(({ row, body }, i): TCanonicalAsset => {
    const key = `A${i + 1}`;
    assetKeys.set(row.id, key);
    return { key, ...body };
  });

  const dutyRows = [...snapshot.duties].sort((a, b) => a.kakuninhyoPart - b.kakuninhyoPart || a.order - b.order || byCodeUnits(a.code, b.code));
  const dutyIndex = new Map(dutyRows.map((d, i) => [d.id, i]));
  const duties = dutyRows.map(
    (d): TCanonicalDuty => ({
      code: d.code,
      title: { ja: d.title.ja, en: d.title.en },
      description: { ja: d.description.ja, en: d.description.en },
      phase: d.phase,
      category: d.category,
      appliesTo: [...new Set<string>(d.appliesTo)].sort(byCodeUnits),
      concerns: [...new Set<string>(d.concerns)].sort(byCodeUnits),
      kakuninhyoPart: d.kakuninhyoPart,
      order: d.order,
      references: d.references.map(reference),
      catalogVersion: d.catalogVersion,
      notApplicableReason: d.notApplicableReason,
    }),
  );

  const assetIndex = new Map([...assetKeys.keys()].map((id, i) => [id, i]));
  const cellKeys = new Map<string, string>();
  const cellRank = (c: TSnapshotCell) => [dutyIndex.get(c.dutyId) ?? -1, c.assetId === null ? -1 : (assetIndex.get(c.assetId) ?? -1)] as const;
  const cells = [...snapshot.cells]
    .sort((a, b) => {
      const [da, aa] = cellRank(a);
      const [db, ab] = cellRank(b);
      return da - db || aa - ab;
    })
    .map((c): TCanonicalCell => {
      const duty = dutyRows[dutyIndex.get(c.dutyId) ?? -1];
      if (!duty) throw new Error(`canonical revision: cell ${c.id} names duty ${c.dutyId}, which is not in the engagement`);
      const asset = c.assetId === null ? null : (assetKeys.get(c.assetId) ?? null);
      if (c.assetId !== null && asset === null) throw new Error(`canonical revision: cell ${c.id} names asset ${c.assetId}, which is not in the engagement`);
      const key = `${duty.code}@${asset ?? '*'}`;
      cellKeys.set(c.id, key);
      let assignment: Record<string, TRaciRole[]> | null = null;
      if (c.assignment) {
        assignment = {};
        for (const [partyId, roles] of Object.entries(c.assignment)) {
          const sorted = sortRoles(roles);
          if (sorted.length > 0) assignment[partyKey(partyId, `cell ${key}`)] = sorted;
        }
      }
      return {
        key,
        duty: duty.code,
        asset,
        status: c.status,
        assignment,
        terms: { responseTime: c.terms.responseTime, frequency: c.terms.frequency, evidence: c.terms.evidence, remarks: c.terms.remarks },
        notApplicableReason: c.notApplicableReason,
        kickoff: {
          firstCheckAnswer: c.kickoff.firstCheckAnswer,
          firstCheckOn: canonicalDate(c.kickoff.firstCheckOn),
          completedOn: canonicalDate(c.kickoff.completedOn),
          notes: c.kickoff.notes,
        },
      };
    });

  const revision: TCanonicalRevision = {
    format: REVISION_FORMAT,
    engagement: {
      title: snapshot.engagement.title,
      systemName: snapshot.engagement.systemName,
      serviceModel: snapshot.engagement.serviceModel,
      provisionPattern: snapshot.engagement.provisionPattern,
    },
    parties,
    assets,
    duties,
    cells,
  };
  // canonicalJson(revision) with the cells written by their fixed shape (canonical-cells.ts); top-level keys in code-unit order.
  const text = `{"assets":${canonicalJson(assets)},"cells":${canonicalCellsJson(cells)},"duties":${canonicalJson(duties)},"engagement":${canonicalJson(revision.engagement)},"format":${canonicalJson(revision.format)},"parties":${canonicalJson(parties)}}`;
  // Read back only when asked for: freezing needs the text and its hash, not the object.
  let parsed: TCanonicalRevision | undefined;
  return {
    get canonical() {
      return (parsed ??= parseCanonicalRevision(text));
    },
    text,
    partyKeys,
    assetKeys,
    cellKeys,
  };
};

/** Reads a stored canonical text back (trusted input: our own column). */
export const parseCanonicalRevision = (text: string): TCanonicalRevision => {
  const value = JSON.parse(text) as TCanonicalRevision;
  if (value.format !== REVISION_FORMAT) throw new Error(`canonical revision: unknown format ${String(value.format)}`);
  return value;
};
