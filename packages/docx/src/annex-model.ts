import type { TAsset, TDuty, TDutyCategory, TParty, TRaciRole } from '@bunkai/domain';
import { RACI_ROLES, catalogItemNumbers } from '@bunkai/domain';
import type { TAnnexCell, TAnnexInput, TAnnexSignature, TAnnexStatus } from './annex-input.ts';
import type { TTableSink } from './table.ts';
import { type TBibliographyEntry, bibliography, formatReferences, getDuty } from '@bunkai/catalog';

/** One line of an item table: a duty on one asset (or engagement-wide). */
export type TItemRow = {
  duty: TDuty;
  /** Null when the duty has no cell (nothing to assign). */
  cell: TAnnexCell | null;
  /** Null for engagement-wide cells and for rows covering several assets. */
  asset: TAsset | null;
  /**
   * The assets this row stands for: cells of one duty whose assignment, terms, status and kickoff are identical
   * across assets collapse into one row naming them (「クライアント端末 ×24」); empty for engagement-wide rows.
   */
  assets: TAsset[];
  /** True for the first row of its duty (title and description printed in full). */
  first: boolean;
};

export type TCategoryGroup = { category: TDutyCategory; rows: TItemRow[] };
export type TPartGroups = { part: 1 | 2; groups: TCategoryGroup[] };

/** A block of the asset × duty matrix: one asset, or the engagement-wide duties. */
export type TMatrixBlock = { asset: TAsset | null; rows: TItemRow[] };

/**
 * The input re-indexed once, in linear time, so every section reads from maps
 * and pre-sorted lists instead of scanning.
 */
export type TAnnexModel = {
  input: TAnnexInput;
  status: TAnnexStatus;
  parties: TParty[];
  partyById: Map<string, TParty>;
  /** Parties expected to sign (observers only read). */
  signingParties: TParty[];
  signatureByParty: Map<string, TAnnexSignature>;
  parts: TPartGroups[];
  matrix: TMatrixBlock[];
  assetCount: number;
  /** Assets in position order, and each one's number in the 資産一覧 (A01, A02, …; format 3). */
  assets: TAsset[];
  assetNumbers: Map<string, string>;
  /** Position of each asset in `assets`. */
  assetIndex: Map<string, number>;
  /** Per duty id: the 項番 the web and the exports show (P1-001, by position in each part; format 3). */
  itemNumbers: Map<string, string>;
  /** Per party: the 略称 printed in narrow column headers (甲/乙/丙 when the contract names them) and the designation. */
  partyLabels: Map<string, TPartyLabel>;
  /** Per duty id: its 根拠 as readable citations (「安全管理GL 6.0 運用編 §8.2」), never catalog ids. */
  citations: Map<string, string>;
  /** Per duty id: the verified official 確認表 item number, where the catalog knows one. */
  officialItems: Map<string, string>;
  /** 参考文献: every catalog document cited, in catalog order. */
  bibliography: TBibliographyEntry[];
};

export type TPartyLabel = { short: string; designation: string | null };

const byPositionThenId = <T extends { position: number; id: string }>(a: T, b: T): number =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const dutyOrder = (a: TDuty, b: TDuty): number =>
  a.kakuninhyoPart - b.kakuninhyoPart || a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Parties that sign the annex: everyone but observers. */
export const isSigningParty = (party: TParty): boolean => party.role !== 'observer';

/** Pick one signature per party, preferring the one over the given hash. */
const indexSignatures = (signatures: readonly TAnnexSignature[], sha256: string | null): Map<string, TAnnexSignature> => {
  const out = new Map<string, TAnnexSignature>();
  for (const s of signatures) {
    const prev = out.get(s.partyId);
    const better = !prev || (prev.revisionSha256 !== sha256 && s.revisionSha256 === sha256);
    if (better) out.set(s.partyId, s);
  }
  return out;
};

/** 署名済 only when the revision is executed and every signing party signed its hash. */
export const annexStatus = (input: TAnnexInput): TAnnexStatus => {
  const rev = input.revision;
  if (!rev || rev.status === 'draft' || !rev.sha256) return 'draft';
  if (rev.status !== 'executed') return 'awaiting_signatures';
  const signed = new Set(input.signatures.filter((s) => s.revisionSha256 === rev.sha256).map((s) => s.partyId));
  const all = input.parties.filter(isSigningParty).every((p) => signed.has(p.id));
  return all ? 'executed' : 'awaiting_signatures';
};

/** The roles of one party on one cell, in canonical R, A, C, I order. */
export const rolesOf = (cell: TAnnexCell | null, partyId: string): TRaciRole[] => {
  const held = cell?.assignment?.[partyId];
  if (!held || held.length === 0) return [];
  return RACI_ROLES.filter((r) => held.includes(r));
};

/**
 * Two cells say the same thing when everything printed about them is equal (order of roles and parties aside).
 * The split is written as 「party:R,A;」 pairs (ids are uuids, roles letters: no separator can occur in them), the
 * rest as JSON — the same equality as JSON of the whole, without an array per party for 36,000 cells.
 */
const cellKey = (c: TAnnexCell): string => {
  const assignment = c.assignment ?? {};
  let split = '';
  for (const p of Object.keys(assignment).sort()) split += `${p}:${[...(assignment[p] ?? [])].sort().join(',')};`;
  return `${c.status}\u0001${split}\u0001${JSON.stringify([c.terms, c.notApplicableReason, c.kickoff])}`;
};

const CORPORATE = /(株式会社|有限会社|合同会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|独立行政法人|地方独立行政法人|医療法人社団|医療法人財団|医療法人|社会医療法人|（株）|\(株\)|\s)/g;

/** 略称: the contract's 甲/乙/丙 when recorded, else the name without corporate forms, cut to `max` characters; unique. */
export const partyLabels = (parties: readonly TParty[], input: TAnnexInput, max = 6): Map<string, TPartyLabel> => {
  const designations = input.engagement.contract?.designations ?? {};
  const out = new Map<string, TPartyLabel>();
  const used = new Set<string>();
  for (const p of parties) {
    const designation = designations[p.id] ?? null;
    let short = designation ?? ([...p.displayName.replace(CORPORATE, '')].slice(0, max).join('') || p.displayName.slice(0, max));
    for (let n = 2; used.has(short); n++) short = `${[...short].slice(0, max - 1).join('')}${n}`;
    used.add(short);
    out.set(p.id, { short, designation });
  }
  return out;
};

export const buildModel = (input: TAnnexInput): TAnnexModel => {
  const parties = [...input.parties].sort(byPositionThenId);
  const assets = [...input.assets].sort(byPositionThenId);
  const assetRank = new Map<string, number>();
  const assetById = new Map<string, TAsset>();
  assets.forEach((a, i) => {
    assetRank.set(a.id, i);
    assetById.set(a.id, a);
  });

  const cellsByDuty = new Map<string, TAnnexCell[]>();
  for (const cell of input.cells) {
    const list = cellsByDuty.get(cell.dutyId);
    if (list) list.push(cell);
    else cellsByDuty.set(cell.dutyId, [cell]);
  }
  // Engagement-wide cell first, then assets in position order; unknown assets last.
  const rank = (c: TAnnexCell): number => (c.assetId === null ? -1 : (assetRank.get(c.assetId) ?? assets.length));
  for (const list of cellsByDuty.values()) list.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));

  const duties = [...input.duties].sort(dutyOrder);
  const parts: TPartGroups[] = [];
  const blockRows = new Map<string | null, TItemRow[]>();
  for (const duty of duties) {
    let part = parts.at(-1);
    if (!part || part.part !== duty.kakuninhyoPart) {
      part = { part: duty.kakuninhyoPart, groups: [] };
      parts.push(part);
    }
    const cells = cellsByDuty.get(duty.id) ?? [];
    const perCell = cells.map((cell, i): TItemRow => {
      const asset = cell.assetId === null ? null : (assetById.get(cell.assetId) ?? null);
      return { duty, cell, asset, assets: asset ? [asset] : [], first: i === 0 };
    });
    // Item tables: like cells of a duty collapse into one row (first occurrence keeps its place); the matrix stays per asset.
    const collapsed: TItemRow[] = [];
    const byKey = new Map<string, TItemRow>();
    for (const row of perCell) {
      if (!row.asset) {
        collapsed.push(row);
        continue;
      }
      const key = cellKey(row.cell!);
      const same = byKey.get(key);
      if (same) {
        same.assets.push(row.asset);
        same.asset = null;
      } else {
        const own = { ...row, assets: [row.asset] };
        byKey.set(key, own);
        collapsed.push(own);
      }
    }
    collapsed.forEach((r, i) => (r.first = i === 0));
    const rows: TItemRow[] = cells.length === 0 ? [{ duty, cell: null, asset: null, assets: [], first: true }] : collapsed;
    const group = part.groups.find((g) => g.category === duty.category);
    if (group) group.rows.push(...rows);
    else part.groups.push({ category: duty.category, rows });
    for (const row of perCell) {
      if (!row.cell) continue;
      const key = row.cell.assetId;
      const list = blockRows.get(key);
      if (list) list.push(row);
      else blockRows.set(key, [row]);
    }
  }

  const matrix: TMatrixBlock[] = [];
  const wide = blockRows.get(null);
  if (wide) matrix.push({ asset: null, rows: wide });
  for (const asset of assets) {
    const rows = blockRows.get(asset.id);
    matrix.push({ asset, rows: rows ?? [] });
  }

  return {
    input,
    status: annexStatus(input),
    parties,
    partyById: new Map(parties.map((p) => [p.id, p])),
    signingParties: parties.filter(isSigningParty),
    signatureByParty: indexSignatures(input.signatures, input.revision?.sha256 ?? null),
    parts,
    matrix,
    assetCount: assets.length,
    assets,
    assetIndex: assetRank,
    assetNumbers: new Map(assets.map((a, i) => [a.id, `A${String(i + 1).padStart(assets.length >= 100 ? 3 : 2, '0')}`])),
    itemNumbers: itemNumbersOf(duties),
    partyLabels: partyLabels(parties, input),
    citations: new Map(duties.map((d) => [d.id, formatReferences(d.references)])),
    officialItems: new Map(
      duties.flatMap((d) => {
        // Imported from the official sheet (the duty's own number) or verified in the catalog; nothing else.
        const item = d.kakuninhyoItem ?? (d.catalogVersion === null ? undefined : getDuty(d.code)?.kakuninhyoItem);
        return item ? [[d.id, item] as const] : [];
      }),
    ),
    bibliography: bibliography(duties.flatMap((d) => d.references)),
  };
};

/** 項番 per duty id, numbered exactly as the web's matrix and the exports number them (catalogItemNumbers, keyed by code). */
const itemNumbersOf = (duties: readonly TDuty[]): Map<string, string> => {
  const byCode = catalogItemNumbers(duties);
  return new Map(duties.map((d) => [d.id, byCode.get(d.code) ?? d.code]));
};

/** What every section builder receives. */
export type TSectionContext = {
  model: TAnnexModel;
  bilingual: boolean;
  /** Where the long tables go (default: built at once). */
  table?: TTableSink;
  /** Format 3 numbers duties by 項番 (P1-001) everywhere; format 2 printed the duty code. */
  numbering?: 'code' | 'item';
};

/** The number a duty is printed under: its 項番 (format 3) or its code (format 2). */
export const dutyNumber = (ctx: TSectionContext, duty: TDuty): string =>
  ctx.numbering === 'item' ? (ctx.model.itemNumbers.get(duty.id) ?? duty.code) : duty.code;
