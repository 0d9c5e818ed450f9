/**
 * RACI rules for one 分担 (assignment): who is R 実施, A 責任, C 協議, I 報告 on a
 * cell. Pure; the API calls these before storing a proposal, the web app calls
 * them to explain a proposal before it is sent.
 */
import type { TAssignment } from '../model/cell.ts';
import { RACI_ROLES, type TRaciRole } from '../model/enums.ts';
import type { TParty } from '../model/party.ts';
import { LIMITS, type TLocalized } from '../model/primitives.ts';
import { validationError } from '../errors.ts';

export const ASSIGNMENT_PROBLEM_CODES = [
  'no_accountable',
  'multiple_accountable',
  'no_responsible',
  'unknown_party',
  'observer_with_duty',
  'duplicate_role',
] as const;
export type TAssignmentProblemCode = (typeof ASSIGNMENT_PROBLEM_CODES)[number];

export type TAssignmentProblem = {
  code: TAssignmentProblemCode;
  /** Parties the problem is about (sorted); empty when it is about nobody in particular. */
  partyIds: string[];
  message: TLocalized;
};

export type TAssignmentValidation = { ok: boolean; problems: TAssignmentProblem[] };

/** The party facts the rules need; a display name, when given, makes messages friendlier. */
export type TAssignmentParty = Pick<TParty, 'id' | 'role'> & { displayName?: string };

const ROLE_RANK: Record<TRaciRole, number> = { R: 0, A: 1, C: 2, I: 3 };
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Canonical form: each party's letters deduplicated and in R, A, C, I order,
 * party keys sorted, parties without a letter removed. Two assignments that mean
 * the same thing normalize to the same value, so they hash and diff alike.
 */
export const normalizeAssignment = (a: TAssignment): TAssignment => {
  const out: TAssignment = {};
  for (const partyId of Object.keys(a).sort(byCodeUnits)) {
    const roles = [...new Set(a[partyId] ?? [])].sort((x, y) => ROLE_RANK[x] - ROLE_RANK[y]);
    if (roles.length > 0) out[partyId] = roles;
  }
  return out;
};

/** Party ids holding `role` (sorted). */
export const partiesWithRole = (a: TAssignment, role: TRaciRole): string[] =>
  Object.keys(a)
    .filter((id) => (a[id] ?? []).includes(role))
    .sort(byCodeUnits);

/** Party ids holding any letter (sorted). */
export const partiesWithAnyRole = (a: TAssignment): string[] =>
  Object.keys(a)
    .filter((id) => (a[id] ?? []).length > 0)
    .sort(byCodeUnits);

const ROLE_LABEL: Record<TRaciRole, TLocalized> = {
  R: { ja: '実施', en: 'responsible' },
  A: { ja: '責任', en: 'accountable' },
  C: { ja: '協議', en: 'consulted' },
  I: { ja: '報告', en: 'informed' },
};

/** `R（実施）` / `R (responsible)`, for messages. */
export const roleLabel = (role: TRaciRole): TLocalized => ({
  ja: `${role}（${ROLE_LABEL[role].ja}）`,
  en: `${role} (${ROLE_LABEL[role].en})`,
});

const names = (ids: readonly string[], byId: ReadonlyMap<string, TAssignmentParty>): TLocalized => ({
  ja: ids.map((id) => byId.get(id)?.displayName ?? id).join('、'),
  en: ids.map((id) => byId.get(id)?.displayName ?? id).join(', '),
});

/**
 * Checks one assignment against the parties of its engagement (当事者). Valid
 * means: every key is a party, observers hold no R or A, no letter repeats for
 * one party, exactly one party holds A and at least one holds R. Problems come
 * in ASSIGNMENT_PROBLEM_CODES order so messages read the same every time.
 */
export const validateAssignment = (
  a: TAssignment,
  parties: readonly TAssignmentParty[],
): TAssignmentValidation => {
  const byId = new Map(parties.map((p) => [p.id, p]));
  const keys = Object.keys(a).sort(byCodeUnits);
  const problems: TAssignmentProblem[] = [];
  const add = (code: TAssignmentProblemCode, partyIds: string[], message: TLocalized) =>
    problems.push({ code, partyIds, message });

  const accountable = partiesWithRole(a, 'A');
  if (accountable.length === 0) {
    add('no_accountable', [], {
      ja: '責任（A）を持つ当事者がいません。責任者はちょうど1者必要です。',
      en: 'No party is accountable (A); exactly one is required.',
    });
  } else if (accountable.length > 1) {
    const n = names(accountable, byId);
    add('multiple_accountable', accountable, {
      ja: `責任（A）が複数の当事者にあります（${n.ja}）。責任者は1者に絞ってください。`,
      en: `More than one party is accountable (A): ${n.en}. Exactly one is allowed.`,
    });
  }

  if (partiesWithRole(a, 'R').length === 0) {
    add('no_responsible', [], {
      ja: '実施（R）を担う当事者がいません。少なくとも1者必要です。',
      en: 'No party is responsible (R); at least one is required.',
    });
  }

  const unknown = keys.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    add('unknown_party', unknown, {
      ja: `この案件の当事者ではない相手に役割が割り当てられています（${unknown.join('、')}）。`,
      en: `Roles are given to parties that are not part of this engagement (${unknown.join(', ')}).`,
    });
  }

  const observers = keys.filter(
    (id) => byId.get(id)?.role === 'observer' && (a[id] ?? []).some((r) => r === 'R' || r === 'A'),
  );
  if (observers.length > 0) {
    const n = names(observers, byId);
    add('observer_with_duty', observers, {
      ja: `オブザーバー（${n.ja}）には実施（R）・責任（A）を割り当てられません。協議（C）か報告（I）にしてください。`,
      en: `Observers (${n.en}) cannot be responsible (R) or accountable (A); use C or I.`,
    });
  }

  const duplicated = keys.filter((id) => {
    const roles = a[id] ?? [];
    return new Set(roles).size !== roles.length;
  });
  if (duplicated.length > 0) {
    const n = names(duplicated, byId);
    add('duplicate_role', duplicated, {
      ja: `同じ役割が同じ当事者に重複して指定されています（${n.ja}）。`,
      en: `The same role is listed twice for one party (${n.en}).`,
    });
  }

  return { ok: problems.length === 0, problems };
};

/**
 * Throws `validation/invalid_assignment` with `details.problems` (bilingual)
 * when the assignment is not valid; returns it normalized otherwise, ready to store.
 */
export const assertValidAssignment = (
  a: TAssignment,
  parties: readonly TAssignmentParty[],
): TAssignment => {
  const { ok, problems } = validateAssignment(a, parties);
  if (!ok) {
    throw validationError('invalid_assignment', problems.map((p) => p.message.en).join(' '), { problems });
  }
  return normalizeAssignment(a);
};

export type TNotApplicableValidation =
  | { ok: true; reason: string }
  | { ok: false; code: 'missing_reason' | 'reason_too_long'; message: TLocalized };

/**
 * 対象外 (not applicable) needs a stated reason: later readers — the other
 * parties, an inspector — must see why nobody holds the duty.
 */
export const validateNotApplicable = (reason: string | null | undefined): TNotApplicableValidation => {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length === 0) {
    return {
      ok: false,
      code: 'missing_reason',
      message: { ja: '対象外にする理由を入力してください。', en: 'Give a reason for marking this not applicable.' },
    };
  }
  if (trimmed.length > LIMITS.short) {
    return {
      ok: false,
      code: 'reason_too_long',
      message: {
        ja: `対象外の理由は${LIMITS.short}文字以内で入力してください。`,
        en: `The reason must be at most ${LIMITS.short} characters.`,
      },
    };
  }
  return { ok: true, reason: trimmed };
};

/** Returns the trimmed reason or throws `validation/invalid_not_applicable_reason`. */
export const assertValidNotApplicable = (reason: string | null | undefined): string => {
  const v = validateNotApplicable(reason);
  if (!v.ok) throw validationError('invalid_not_applicable_reason', v.message.en, { code: v.code, message: v.message });
  return v.reason;
};

/** Letters a party holds, in canonical order (empty when it holds none). */
export const rolesOf = (a: TAssignment | null, partyId: string): TRaciRole[] =>
  a ? RACI_ROLES.filter((r) => (a[partyId] ?? []).includes(r)) : [];
