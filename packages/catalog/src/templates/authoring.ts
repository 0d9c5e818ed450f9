import { RACI_ROLES } from '@bunkai/domain';
import type { TRaciRole, TTerms } from '@bunkai/domain';
import type { z } from 'zod';
import type { ZTemplateSuggestion } from './schema.ts';

type TLetter = TRaciRole;
/** Roles written compactly, e.g. `'RA'` for 実施+責任. */
export type TRoleSpec = TLetter | `${TLetter}${TLetter}` | `${TLetter}${TLetter}${TLetter}`;

export type TSuggestionInput = z.input<typeof ZTemplateSuggestion>;

/** `'AR'` → `['R', 'A']` (canonical R, A, C, I order). */
export function roles(spec: TRoleSpec): TRaciRole[] {
  return RACI_ROLES.filter((r) => spec.includes(r));
}

/**
 * A suggestion builder typed by the template's party and asset keys, so that a
 * mistyped key fails to compile.
 */
export function suggester<TParty extends string, TAsset extends string>() {
  return (
    dutyCode: string,
    spec: Partial<Record<TParty, TRoleSpec>>,
    options: { asset?: TAsset; terms?: Partial<TTerms> } = {},
  ): TSuggestionInput => {
    const assignment: Record<string, TRaciRole[]> = {};
    for (const [key, value] of Object.entries(spec) as [string, TRoleSpec | undefined][]) {
      if (value !== undefined) assignment[key] = roles(value);
    }
    return {
      dutyCode,
      ...(options.asset === undefined ? {} : { assetKey: options.asset }),
      assignment,
      ...(options.terms === undefined ? {} : { terms: options.terms }),
    };
  };
}
