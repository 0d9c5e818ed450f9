import { AlignmentType, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions, IRunOptions } from 'docx';

/** Latin, East Asian and monospace fonts used throughout the annex. */
export const FONTS = {
  latin: 'Times New Roman',
  // A Mincho face LibreOffice has (Debian fonts-noto-cjk); Word without it substitutes its own East Asian serif.
  eastAsia: 'Noto Serif CJK JP',
  gothic: 'Yu Gothic',
  mono: 'Courier New',
} as const;

export const COLORS = {
  text: '000000',
  muted: '555555',
  faint: '808080',
  headerFill: 'D9E2F3',
  groupFill: 'F2F2F2',
  blockingFill: 'FBE4E4',
  watermark: 'C0C0C0',
} as const;

/** Half-points, as docx expects for run sizes. */
export const pt = (points: number): number => Math.round(points * 2);

// XML 1.0 forbids most C0 control characters; strip them (tabs and newlines are handled by callers).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Remove characters that cannot appear in an XML document. */
export const clean = (text: string): string => text.replace(FORBIDDEN, '').replace(/\t/g, ' ');

type TRunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** One run; newlines in the text become line breaks. */
export const runs = (text: string, style: TRunStyle = {}): TextRun[] => {
  const lines = clean(text).replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
};

type TParaStyle = Omit<IParagraphOptions, 'text' | 'children'>;

/** A paragraph with a single style of text. */
export const para = (text: string, run: TRunStyle = {}, paragraph: TParaStyle = {}): Paragraph =>
  new Paragraph({ ...paragraph, children: runs(text, run) });

/** A paragraph built from several differently styled pieces. */
export const richPara = (pieces: ReadonlyArray<readonly [string, TRunStyle?]>, paragraph: TParaStyle = {}): Paragraph =>
  new Paragraph({ ...paragraph, children: pieces.flatMap(([text, style]) => runs(text, style ?? {})) });

/** A Japanese label with its English sub-label in small grey type when bilingual. */
export const labelRuns = (label: { ja: string; en: string }, bilingual: boolean, style: TRunStyle = {}): TextRun[] => {
  const ja = runs(label.ja, style);
  if (!bilingual || label.en === label.ja) return ja;
  const size = typeof style.size === 'number' ? Math.max(pt(6), style.size - pt(2)) : pt(7);
  return [...ja, new TextRun({ text: ` ${clean(label.en)}`, size, color: COLORS.muted, bold: false })];
};

export const centered: TParaStyle = { alignment: AlignmentType.CENTER };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2025-04-01 → 2025年4月1日 (returned unchanged when not a date). */
export const formatDateJa = (date: string): string => {
  const m = DATE.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
};

const ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** 2026-12-07 → 令和8年12月7日 (和暦), or null when not a date. */
export const formatDateEra = (date: string): string | null => {
  const m = DATE.exec(date);
  return m ? ERA.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : null;
};

/** 「2026年12月7日（令和8年12月7日）」 when the engagement asks for 和暦, else the Western date as given. */
export const withEra = (western: string, isoDate: string, era: boolean): string => {
  const e = era ? formatDateEra(isoDate) : null;
  return e ? `${western}（${e}）` : western;
};

/** 2025-04-01 → 2025/04/01 (returned unchanged when not a date). */
export const formatDateShort = (date: string): string => {
  const m = DATE.exec(date);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : date;
};

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * An ISO date-time in Japan Standard Time (UTC+9, no daylight saving), e.g.
 * 2025年4月3日 14:05:09 JST. Computed by hand so the result never depends on
 * the machine's time zone or ICU data.
 */
export const formatJst = (iso: string): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + 9 * 3_600_000);
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} JST`;
};

/** W3C date-time in UTC without milliseconds, for the core properties. */
export const w3cDateTime = (isoOrDate: string): string => {
  const value = DATE.test(isoOrDate) ? `${isoOrDate}T00:00:00Z` : isoOrDate;
  const ms = Date.parse(value);
  const d = new Date(Number.isNaN(ms) ? 0 : ms);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** First 12 hex characters of a hash, as printed in the footer. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/** Section heading (Word outline level 1 or 2), Japanese with English sub-label. */
export const heading = (label: { ja: string; en: string }, bilingual: boolean, level: 1 | 2 = 1): Paragraph =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    keepNext: true,
    children: labelRuns(label, bilingual),
  });
