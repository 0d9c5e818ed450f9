import type { MailLang } from '../mail/index.ts';

export type SummaryFacts = {
  kind: string;
  actor: string;
  /** 「GOV-01 情報セキュリティ方針（電子カルテサーバ）」 */
  cell: string;
  reason: string;
  informational: boolean;
  /** A reminder's number (1, 2, …). */
  n?: number;
};

/** One line of a digest, in the recipient's language. */
export const summarize = (lang: MailLang, f: SummaryFacts): string => {
  const ja: Record<string, string> = {
    'proposal.created': f.informational ? `${f.actor} が ${f.cell} の分担を提案しました（報告）` : `${f.actor} が ${f.cell} の分担を提案しました — 承諾または却下をお願いします`,
    'proposal.countered': f.informational ? `${f.actor} が ${f.cell} に対案を出しました（報告）` : `${f.actor} が ${f.cell} に対案を出しました — 承諾または却下をお願いします`,
    'proposal.accepted': `${f.actor} が ${f.cell} の提案を承諾しました`,
    'proposal.rejected': `${f.actor} が ${f.cell} の提案を却下しました${f.reason ? `: 「${f.reason}」` : ''}${f.informational ? '' : ' — 対案か取下げをお願いします'}`,
    'cell.agreed': `${f.cell} の分担が合意されました`,
    'comment.created': `${f.actor} が ${f.cell} にコメントしました: 「${f.reason}」`,
    'revision.frozen': `${f.actor} が版を確定しました — 署名をお願いします`,
    reminder: `督促（${f.n ?? 1}回目）: ${f.cell} の提案があなたの承諾を待っています`,
  };
  const en: Record<string, string> = {
    'proposal.created': f.informational ? `${f.actor} proposed a split for ${f.cell} (for your information)` : `${f.actor} proposed a split for ${f.cell} — please accept or reject`,
    'proposal.countered': f.informational ? `${f.actor} countered on ${f.cell} (for your information)` : `${f.actor} countered on ${f.cell} — please accept or reject`,
    'proposal.accepted': `${f.actor} accepted the proposal for ${f.cell}`,
    'proposal.rejected': `${f.actor} rejected the proposal for ${f.cell}${f.reason ? `: "${f.reason}"` : ''}${f.informational ? '' : ' — counter or withdraw it'}`,
    'cell.agreed': `${f.cell} is agreed`,
    'comment.created': `${f.actor} commented on ${f.cell}: "${f.reason}"`,
    'revision.frozen': `${f.actor} froze a revision — please sign it`,
    reminder: `Reminder ${f.n ?? 1}: a proposal for ${f.cell} waits for your consent`,
  };
  const line = (lang === 'en' ? en : ja)[f.kind] ?? f.kind;
  return line.length > 500 ? `${line.slice(0, 497)}…` : line;
};
