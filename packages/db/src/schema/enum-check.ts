import { type SQL, sql } from 'drizzle-orm';
import { type PgColumn, check } from 'drizzle-orm/pg-core';

/**
 * A CHECK constraint that keeps a text column inside one of the domain's closed vocabularies
 * (the tuples in @bunkai/domain). Text + CHECK rather than a PostgreSQL enum type: a vocabulary
 * change is then one DROP/ADD CONSTRAINT in an ordinary forward migration, with no ALTER TYPE
 * (values cannot be removed from a pg enum, and an added value is unusable in its own transaction).
 * The values are literals, not bound parameters: drizzle-kit writes the constraint into the migration.
 */
export const oneOf = (name: string, column: PgColumn, values: readonly (string | number)[]) => {
  const literals: SQL = sql.raw(values.map((v) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)).join(', '));
  return check(name, sql`${column} in (${literals})`);
};
