import {
  CELL_STATUSES,
  DUTY_CATEGORIES,
  FINDING_CODES,
  PHASES,
  type TDuty,
  type TMatrixCell,
  type TMatrixQuery,
  validationError,
} from '@bunkai/domain';

/** A parsed filter: each present key is a set of alternatives; keys combine with AND. */
export type MatrixFilter = {
  party?: Set<string>;
  phase?: Set<string>;
  category?: Set<string>;
  status?: Set<string>;
  /** Asset ids; `none` stands for engagement-wide cells. */
  asset?: Set<string>;
  finding?: Set<string>;
  /** The caller's party when `view=mine`. */
  minePartyId?: string;
};

const values = (raw: string | string[] | undefined): string[] | undefined =>
  raw === undefined
    ? undefined
    : (Array.isArray(raw) ? raw : [raw])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s.length > 0);

/** Parses one filter against its allowed values; anything else answers 400 `unknown_filter_value`. */
const parseOne = (name: string, raw: string | string[] | undefined, allowed: ReadonlySet<string>, describe: string): Set<string> | undefined => {
  const list = values(raw);
  if (list === undefined) return undefined;
  if (list.length === 0) throw validationError('empty_filter', `The filter ${name} was sent without a value.`, { filter: name });
  const unknown = [...new Set(list.filter((v) => !allowed.has(v)))];
  if (unknown.length > 0)
    throw validationError('unknown_filter_value', `Unknown ${name} value(s): ${unknown.join(', ')} (expected ${describe}).`, { filter: name, values: unknown });
  return new Set(list);
};

export type FilterContext = { partyIds: readonly string[]; assetIds: readonly string[]; myPartyId: () => string };

export const parseMatrixFilter = (q: TMatrixQuery, ctx: FilterContext): MatrixFilter => {
  const f: MatrixFilter = {};
  const set = <K extends keyof MatrixFilter>(k: K, v: MatrixFilter[K] | undefined) => {
    if (v !== undefined) f[k] = v;
  };
  set('party', parseOne('party', q.party, new Set(ctx.partyIds), 'party ids of this engagement'));
  set('phase', parseOne('phase', q.phase, new Set(PHASES), PHASES.join('|')));
  set('category', parseOne('category', q.category, new Set(DUTY_CATEGORIES), 'a duty category'));
  set('status', parseOne('status', q.status, new Set(CELL_STATUSES), CELL_STATUSES.join('|')));
  set('asset', parseOne('asset', q.asset, new Set([...ctx.assetIds, 'none']), 'asset ids of this engagement or none'));
  set('finding', parseOne('finding', q.finding, new Set(FINDING_CODES), FINDING_CODES.join('|')));
  if (q.view === 'mine') f.minePartyId = ctx.myPartyId();
  return f;
};

const holdsAny = (cell: TMatrixCell, partyIds: ReadonlySet<string>): boolean => {
  for (const a of [cell.assignment, cell.openProposal?.assignment]) {
    if (!a) continue;
    for (const [id, roles] of Object.entries(a)) if (roles.length > 0 && partyIds.has(id)) return true;
  }
  return false;
};

/** "What is asked of us": cells where the party holds a letter, or whose open proposal waits for its acceptance. */
export const isAskedOf = (cell: TMatrixCell, partyId: string): boolean =>
  cell.status !== 'not_applicable' && (holdsAny(cell, new Set([partyId])) || (cell.openProposal?.pendingFrom.includes(partyId) ?? false));

export const applyMatrixFilter = (cells: readonly TMatrixCell[], duties: readonly TDuty[], f: MatrixFilter): TMatrixCell[] => {
  const dutyById = new Map(duties.map((d) => [d.id, d]));
  return cells.filter((c) => {
    const duty = dutyById.get(c.dutyId);
    if (f.phase && !(duty && f.phase.has(duty.phase))) return false;
    if (f.category && !(duty && f.category.has(duty.category))) return false;
    if (f.status && !f.status.has(c.status)) return false;
    if (f.asset && !f.asset.has(c.assetId ?? 'none')) return false;
    if (f.finding && !c.findingCodes.some((code) => f.finding!.has(code))) return false;
    if (f.party && !holdsAny(c, f.party)) return false;
    if (f.minePartyId && !isAskedOf(c, f.minePartyId)) return false;
    return true;
  });
};
