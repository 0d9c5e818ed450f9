/** True for a unique-constraint violation (SQLSTATE 23505), however deeply the driver or drizzle wrapped it. */
export const isUniqueViolation = (e: unknown): boolean => {
  for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 8; c = (c as { cause?: unknown }).cause, depth++)
    if ((c as { code?: unknown }).code === '23505') return true;
  return false;
};
