import type { TExtractedAnnex, TExtractedTable } from './extract.ts';

/** One place where the uploaded annex says something else than the signed revision. */
export type TContentDifference = {
  /** The section heading (e.g. 「3. 責任分担表」); '' for the cover. */
  section: string;
  /** The item number (項番) or the row's first cell; null for body text. */
  item: string | null;
  /** The column heading; null for body text or a missing/extra row. */
  column: string | null;
  expected: string;
  found: string;
};

/**
 * What changes between downloads of the same revision without changing what was agreed: the signature
 * pages (署名 / 署名証明書: more parties sign over time), and on the cover the status and the generated-on
 * date (both follow the signatures). Everything else is compared.
 */
const VOLATILE_SECTION = /署名/;
const VOLATILE_ROW = /^(状態|作成日|効力)/;

const comparable = (t: TExtractedTable) => !VOLATILE_SECTION.test(t.section);
const keepRow = (row: string[]) => !VOLATILE_ROW.test(row[0] ?? '');

const MAX_DIFFERENCES = 20;

/**
 * Compares the expected (regenerated) annex with the uploaded one, table by table, row by row, cell by cell,
 * then the body text; returns the first differences (at most 20), in document order.
 */
export const compareAnnexText = (expected: TExtractedAnnex, found: TExtractedAnnex): TContentDifference[] => {
  const diffs: TContentDifference[] = [];
  const push = (d: TContentDifference) => diffs.length < MAX_DIFFERENCES && diffs.push(d);
  const a = expected.tables.filter(comparable);
  const b = found.tables.filter(comparable);
  for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < MAX_DIFFERENCES; i++) {
    const ta = a[i];
    const tb = b[i];
    if (!ta || !tb) {
      push({ section: (ta ?? tb)!.section, item: null, column: null, expected: ta ? `表（${ta.rows.length}行）` : '（なし）', found: tb ? `表（${tb.rows.length}行）` : '（なし）' });
      continue;
    }
    const head = ta.rows[0] ?? [];
    const ra = ta.rows.filter(keepRow);
    const rb = tb.rows.filter(keepRow);
    for (let r = 0; r < Math.max(ra.length, rb.length) && diffs.length < MAX_DIFFERENCES; r++) {
      const rowA = ra[r];
      const rowB = rb[r];
      if (!rowA || !rowB) {
        push({ section: ta.section, item: (rowA ?? rowB)![0] ?? null, column: null, expected: rowA?.join(' | ') ?? '（行なし）', found: rowB?.join(' | ') ?? '（行なし）' });
        continue;
      }
      for (let c = 0; c < Math.max(rowA.length, rowB.length); c++) {
        const ea = rowA[c] ?? '';
        const eb = rowB[c] ?? '';
        if (ea !== eb) push({ section: ta.section, item: rowA[0] ?? null, column: head[c] ?? `#${c + 1}`, expected: ea, found: eb });
      }
    }
  }
  const pa = expected.paragraphs.filter((p) => !VOLATILE_SECTION.test(p.section));
  const pb = found.paragraphs.filter((p) => !VOLATILE_SECTION.test(p.section));
  for (let i = 0; i < Math.max(pa.length, pb.length) && diffs.length < MAX_DIFFERENCES; i++) {
    if (pa[i]?.text !== pb[i]?.text) push({ section: (pa[i] ?? pb[i])!.section, item: null, column: null, expected: pa[i]?.text ?? '（なし）', found: pb[i]?.text ?? '（なし）' });
  }
  return diffs;
};
