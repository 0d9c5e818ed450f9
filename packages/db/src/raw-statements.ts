import { Placeholder, type Query, type SQL, type SQLWrapper, type Table, getTableColumns, is, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './create-db.ts';

/**
 * Turns a row that a hand-written statement returned as `to_jsonb(t)` into the
 * shape drizzle's `select()` gives for that table (camelCase keys). Hot paths
 * read a whole aggregate — a row, its children, its neighbours — in one
 * statement this way instead of one builder query each.
 *
 * Values keep PostgreSQL's JSON forms: jsonb columns are objects, dates
 * `YYYY-MM-DD`, timestamps ISO-8601 with an offset (the string-mode
 * timestamps of the schema are parsed with `new Date()` wherever they are
 * used, so both forms read the same).
 */
export const jsonRowReader = <T extends Table>(table: T) => {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.keyAsName ? toSnakeCase(key) : column.name] as const);
  return (json: Record<string, unknown>): T['$inferSelect'] => {
    const row: Record<string, unknown> = {};
    for (const [key, name] of columns) row[key] = json[name] ?? null;
    return row as T['$inferSelect'];
  };
};

/** The rows of `db.execute()` on either engine (both drivers answer `{ rows }`). */
export const rowsOf = <R>(result: unknown): R[] => (result as { rows: R[] }).rows;

const dialect = new PgDialect({ casing: 'snake_case' });

/** Puts one value into a statement as a bind parameter. */
export type Param = (value: unknown) => SQLWrapper;

const texts = new Map<string, Query>();

/**
 * Runs a hand-written statement as a named prepared statement: on PostgreSQL
 * (`pg`), each pooled connection parses and plans it once, then only binds and
 * executes it — planning a large CTE costs more than running it. The SQL text
 * is also rendered once per name: `build` must put every value through
 * `param` (checked on first use), and a name must always stand for the same
 * text, so statements whose shape varies put the shape into their name.
 * PGlite runs it as an ordinary statement.
 */
export const executeNamed = async <R>(tx: Db, name: string, build: (param: Param) => SQL): Promise<R[]> => {
  const values: Record<string, unknown> = {};
  let n = 0;
  const statement = build((value) => {
    const key = `p${n++}`;
    values[key] = value;
    return sql.placeholder(key);
  });
  let query = texts.get(name);
  if (!query) {
    query = dialect.sqlToQuery(statement);
    if (!query.params.every((p) => is(p, Placeholder))) throw new Error(`executeNamed(${name}): a value was not passed through param()`);
    texts.set(name, query);
  }
  return rowsOf<R>(await tx._.session.prepareQuery(query, undefined, name, false).execute(values));
};
