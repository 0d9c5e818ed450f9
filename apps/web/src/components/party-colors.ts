import type { TParty } from '@bunkai/domain';

/**
 * One colour per party, by matrix position. Chosen for ≥ 4.5:1 contrast on
 * white and on the light status backgrounds, and to stay apart for the
 * common colour-vision deficiencies as far as eight hues allow.
 */
export const PARTY_PALETTE = ['#1d4ed8', '#b45309', '#047857', '#9d174d', '#6d28d9', '#0e7490', '#4d7c0f', '#b91c1c', '#475569', '#a21caf'] as const;

export const partyColor = (index: number): string => PARTY_PALETTE[((index % PARTY_PALETTE.length) + PARTY_PALETTE.length) % PARTY_PALETTE.length] as string;

/** partyId → colour, in party position order. */
export const partyColorMap = (parties: readonly Pick<TParty, 'id' | 'position'>[]): Map<string, string> => {
  const sorted = [...parties].sort((a, b) => a.position - b.position);
  return new Map(sorted.map((p, i) => [p.id, partyColor(i)]));
};
