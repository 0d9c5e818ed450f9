/** Dates and text as printed in the PDF annex (Japan time, 西暦). */

const JST_MS = 9 * 3_600_000;

/** 「2026年4月5日 10:00:00 JST」 from an ISO instant. */
export const formatJst = (iso: string): string => {
  const d = new Date(Date.parse(iso) + JST_MS);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} JST`;
};

/** 「2026年4月5日」 from YYYY-MM-DD. */
export const formatDateJa = (ymd: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : ymd;
};

/** 「2026/04/05」 from YYYY-MM-DD: short enough for a narrow column. */
export const formatDateShort = (ymd: string): string => ymd.slice(0, 10).replace(/-/g, '/');

// Control characters have no glyph; tabs read as spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text safe to lay out: no control characters, newlines normalized. */
export const clean = (text: string): string => text.replace(CONTROL, '').replace(/\t/g, ' ').replace(/\r\n?/g, '\n');

const ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** 「2026年12月7日（令和8年12月7日）」 when the engagement asks for 和暦 (as the .docx prints it), else the Western date. */
export const withEra = (western: string, ymd: string, era: boolean): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd.slice(0, 10));
  return era && m ? `${western}（${ERA.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))))}）` : western;
};
