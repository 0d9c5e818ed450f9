/**
 * Root of every query key. Everything about one engagement lives under
 * `['engagements', id, …]`, so a live event invalidates it with one prefix.
 */
export const ROOT = {
  engagements: ['engagements'] as const,
  engagement: (id: string) => ['engagements', id] as const,
  cells: ['cells'] as const,
};
