/** Timestamps leave the database layer as ISO-8601 UTC strings, whatever the driver returned. */
export const iso = (s: string | Date): string => new Date(s).toISOString();
export const isoOrNull = (s: string | Date | null): string | null => (s ? iso(s) : null);
