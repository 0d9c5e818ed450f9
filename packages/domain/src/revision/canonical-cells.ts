import { canonicalStringJson } from '../canonical/canonical-json.ts';
import type { TCanonicalCell } from './canonical-revision.ts';

/**
 * The cells of a canonical revision written straight to text, byte for byte what
 * `canonicalJson` writes for them: the cells are nearly all of a revision (~3,600
 * at the reference size, ~36,000 at stress) and all of one shape, so their keys
 * are written in their fixed code-unit order instead of being listed, normalized
 * and sorted per object. Strings go through canonicalJson's own string writer (NFC,
 * lone surrogates rejected); only the assignment's party keys vary, and they are sorted
 * as `canonicalJson` sorts them. Pinned against `canonicalJson` in the tests.
 */
const str = (s: string | null): string => (s === null ? 'null' : canonicalStringJson(s));

/** `,"key":value` for a present value; nothing for undefined (as canonicalJson drops it). */
const field = (key: string, value: string | null | undefined, first = false): string =>
  value === undefined ? '' : `${first ? '' : ','}"${key}":${str(value)}`;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const assignmentText = (a: TCanonicalCell['assignment']): string => {
  if (a === null) return 'null';
  const keys = Object.keys(a)
    .filter((k) => a[k] !== undefined)
    .sort(byCodeUnits);
  return `{${keys.map((k) => `${canonicalStringJson(k)}:[${a[k]!.map(canonicalStringJson).join(',')}]`).join(',')}}`;
};

const cellText = (c: TCanonicalCell): string => {
  const t = c.terms;
  const k = c.kickoff;
  return (
    `{"asset":${str(c.asset)},"assignment":${assignmentText(c.assignment)},"duty":${str(c.duty)},"key":${str(c.key)},` +
    `"kickoff":{${field('completedOn', k.completedOn, true)}${field('firstCheckAnswer', k.firstCheckAnswer)}${field('firstCheckOn', k.firstCheckOn)}${field('notes', k.notes)}},` +
    `"notApplicableReason":${str(c.notApplicableReason)},"status":${str(c.status)},` +
    `"terms":{${field('evidence', t.evidence, true)}${field('frequency', t.frequency)}${field('remarks', t.remarks)}${field('responseTime', t.responseTime)}}}`
  );
};

/** canonicalJson(cells) for the cells buildCanonicalRevision makes. */
export const canonicalCellsJson = (cells: readonly TCanonicalCell[]): string => {
  const parts = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) parts[i] = cellText(cells[i]!);
  return `[${parts.join(',')}]`;
};
