import type { TMatrixCell, TMatrixResponse } from './matrix.ts';

/**
 * The matrix on the wire, compact (`GET /engagements/:id/cells/compact`).
 *
 * The plain shape repeats every key and every value per cell: ~800 bytes a
 * cell, 27 MB at 36,000 cells. Here the cells are columns: one array per
 * field, and each field's distinct values are sent once (`values`) with the
 * cells holding indexes into them (`index`). Most fields of a real matrix
 * take few distinct values (a duty's assets share an assignment and terms;
 * statuses, kickoff records and finding codes repeat), so a column is mostly
 * small integers, which also compress well. Fields whose values are nearly
 * all distinct (ids, timestamps) are sent as plain arrays instead.
 *
 * The encoding is generic over the cell's keys, so a field added to the cell
 * travels without a change here; `decodeMatrix(encodeMatrix(m))` equals `m`.
 */
export const MATRIX_COMPACT_FORMAT = 'bunkai.matrix.compact/1';

export type TColumn =
  | { values: unknown[]; index: number[] }
  | { plain: unknown[] }
  /** Objects of one shape (an open proposal): their fields as columns of the non-null rows. */
  | { nested: Record<string, TColumn>; nullRows: number[] };
/** The compact answer (validated by ZMatrixCompactResponse in matrix-compact-schema.ts, kept apart so the web app's bundle carries no zod). */
export type TMatrixCompactResponse = Omit<TMatrixResponse, 'cells'> & {
  format: typeof MATRIX_COMPACT_FORMAT;
  /** Number of cells after filtering (every column has this length). */
  cellCount: number;
  /** One column per cell field, keyed by the field's name. */
  columns: Record<string, TColumn>;
};

/** A dictionary pays off while distinct values stay below this share of the rows. */
const DICTIONARY_MAX_SHARE = 0.5;

/**
 * One text per distinct JSON value, object keys in code-unit order, so equal values intern to one
 * key whatever order they were built in. Written out rather than through JSON.stringify with a
 * sorting replacer, which copied every nested object (most of the encoder's time at 36,000 cells).
 */
const internKey = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + internKey(value[i]);
    return `${out}]`;
  }
  const rec = value as Record<string, unknown>;
  const keys = Object.keys(rec).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    if (rec[k] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${internKey(rec[k])}`;
    first = false;
  }
  return `${out}}`;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Columns of the given rows, one per key any row has. */
const encodeRows = (rows: readonly Record<string, unknown>[]): Record<string, TColumn> => {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  const columns: Record<string, TColumn> = {};
  for (const key of keys) columns[key] = encodeColumn(rows.map((r) => r[key]));
  return columns;
};

const decodeRows = (columns: Record<string, TColumn>, length: number): Record<string, unknown>[] => {
  const decoded = Object.entries(columns).map(([key, col]) => [key, decodeColumn(col, length)] as const);
  const rows = new Array<Record<string, unknown>>(length);
  for (let i = 0; i < length; i++) {
    const row: Record<string, unknown> = {};
    for (const [key, values] of decoded) row[key] = values[i];
    rows[i] = row;
  }
  return rows;
};

/**
 * Objects that are mostly distinct only because of one or two fields (an open proposal's id and
 * time) are cheaper as columns of their own fields; the smaller of the two encodings is kept.
 */
const nestIfSmaller = (values: readonly unknown[], flat: TColumn): TColumn => {
  const present = values.filter(isRecord);
  if (present.length < 16 || present.length + values.filter((v) => v === null || v === undefined).length !== values.length) return flat;
  // One shape only: a key missing from some objects would come back as null.
  const shape = Object.keys(present[0]!).sort().join();
  if (present.some((o) => Object.keys(o).sort().join() !== shape)) return flat;
  const nullRows: number[] = [];
  values.forEach((v, i) => {
    if (!isRecord(v)) nullRows.push(i);
  });
  const nested: TColumn = { nested: encodeRows(present), nullRows };
  return JSON.stringify(nested).length < JSON.stringify(flat).length ? nested : flat;
};

export const encodeColumn = (values: readonly unknown[]): TColumn => nestIfSmaller(values, encodeFlat(values));

const encodeFlat = (values: readonly unknown[]): TColumn => {
  const seen = new Map<string, number>();
  const distinct: unknown[] = [];
  const index = new Array<number>(values.length);
  const limit = Math.max(16, values.length * DICTIONARY_MAX_SHARE);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] === undefined ? null : values[i];
    const key = typeof v === 'string' ? `s${v}` : internKey(v);
    let at = seen.get(key);
    if (at === undefined) {
      if (distinct.length >= limit) return { plain: values.map((x) => (x === undefined ? null : x)) };
      at = distinct.length;
      seen.set(key, at);
      distinct.push(v);
    }
    index[i] = at;
  }
  return { values: distinct, index };
};

export const decodeColumn = (column: TColumn, length: number): unknown[] => {
  if ('plain' in column) return column.plain.slice(0, length);
  if ('nested' in column) {
    const nulls = new Set(column.nullRows);
    const present = decodeRows(column.nested, length - nulls.size);
    let next = 0;
    return Array.from({ length }, (_, i) => (nulls.has(i) ? null : present[next++]));
  }
  // Values are shared between cells on purpose: decoded cells are read, not mutated.
  return column.index.slice(0, length).map((i) => column.values[i]);
};

export const encodeMatrix = (m: TMatrixResponse): TMatrixCompactResponse => {
  const { cells, ...rest } = m;
  return { ...rest, format: MATRIX_COMPACT_FORMAT, cellCount: cells.length, columns: encodeRows(cells as unknown as Record<string, unknown>[]) };
};

export const decodeMatrix = (c: TMatrixCompactResponse): TMatrixResponse => {
  const { format: _format, cellCount, columns, ...rest } = c;
  return { ...rest, cells: decodeRows(columns, cellCount) as unknown as TMatrixCell[] };
};
