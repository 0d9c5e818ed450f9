import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { type Db, type LoadedMatrix, loadMatrix, readMatrixVersion, todayUtc } from '@bunkai/db';

/** A compact answer ready to send: its JSON text and, made on first use, its compressed forms. */
export type PreparedBody = { json: string; br?: Promise<Buffer>; gzip?: Promise<Buffer> };
export type ContentCoding = 'br' | 'gzip' | 'identity';

type Entry = {
  version: number;
  today: string;
  matrix: Promise<LoadedMatrix>;
  /** The unfiltered compact answer, built on the first read that asks for it. */
  compact?: PreparedBody;
  /** Other reads of the same version kept beside it (the inbox's comments and signatures). */
  attached: Map<string, Promise<unknown>>;
};

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Brotli quality 4 as @fastify/compress uses for every other response; text mode. */
const compress = (json: string, coding: 'br' | 'gzip'): Promise<Buffer> =>
  coding === 'br'
    ? brotli(json, { params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 4 } })
    : gzipAsync(json);

/** The prepared body in the coding the client accepts (compressed once per version, then reused). */
export const bodyIn = async (body: PreparedBody, coding: ContentCoding): Promise<string | Buffer> => {
  if (coding === 'identity') return body.json;
  const made = (body[coding] ??= compress(body.json, coding));
  return made;
};

/**
 * The matrix of recently read engagements, in this process's memory, checked on
 * every read against the engagement's version in PostgreSQL (its chain head,
 * one primary-key lookup). PostgreSQL stays the only source of truth: a write
 * through any API instance moves the version, and the next read anywhere
 * loads the matrix again. Reading an unchanged matrix costs that one lookup
 * instead of the seven queries, the findings and (for the compact answer) the
 * encoding and compression of ~0.6 MB (reference) to ~4 MB (stress).
 *
 * Entries are shared between requests and must be treated as read-only. The
 * findings depend on the date, so an entry is also tied to the day it was made.
 * Concurrent misses of one version share one load.
 */
export const createMatrixCache = ({ db, maxEngagements = 8, today = () => todayUtc() }: { db: Db; maxEngagements?: number; today?: () => string }) => {
  const entries = new Map<string, Entry>();

  const entry = async (engagementId: string): Promise<Entry> => {
    const version = await readMatrixVersion({ engagementId }, db);
    const day = today();
    const hit = entries.get(engagementId);
    // Most recently used last: the Map's insertion order is the eviction order.
    entries.delete(engagementId);
    if (hit && hit.version === version && hit.today === day) {
      entries.set(engagementId, hit);
      return hit;
    }
    const fresh: Entry = { version, today: day, matrix: loadMatrix({ engagementId, today: day }, db), attached: new Map() };
    entries.set(engagementId, fresh);
    fresh.matrix.catch(() => {
      if (entries.get(engagementId) === fresh) entries.delete(engagementId);
    });
    while (entries.size > maxEngagements) entries.delete(entries.keys().next().value!);
    return fresh;
  };

  return {
    /** The whole matrix of the engagement as `loadMatrix` reads it (shared: do not mutate). */
    matrix: async (engagementId: string): Promise<LoadedMatrix> => (await entry(engagementId)).matrix,
    /**
     * The matrix and another read of the same engagement kept with it under `name` (made by `load`
     * on the first call of a version, after the version was read, so it is at least as new).
     */
    withAttached: async <T>(engagementId: string, name: string, load: () => Promise<T>): Promise<{ matrix: LoadedMatrix; attached: T }> => {
      const e = await entry(engagementId);
      let attached = e.attached.get(name) as Promise<T> | undefined;
      if (!attached) {
        attached = load();
        e.attached.set(name, attached);
        attached.catch(() => e.attached.delete(name));
      }
      const [matrix, value] = await Promise.all([e.matrix, attached]);
      return { matrix, attached: value };
    },
    /**
     * The unfiltered compact answer, built by `build` from the matrix once per version and day.
     * Callers check access first: the answer is the same for every reader of the engagement.
     */
    compact: async (engagementId: string, build: (m: LoadedMatrix) => unknown): Promise<PreparedBody> => {
      const e = await entry(engagementId);
      if (!e.compact) {
        const m = await e.matrix;
        e.compact ??= { json: JSON.stringify(build(m)) };
      }
      return e.compact;
    },
  };
};
export type MatrixCache = ReturnType<typeof createMatrixCache>;
