import { AlignmentType, PageBreak, Paragraph } from 'docx';
import type { Table, TextRun } from 'docx';
import type { TSectionContext } from '../annex-model.ts';
import {
  ANNEX_STATUS_LABELS,
  DOCUMENT_TITLE,
  PROVISION_PATTERN_LABELS,
  RACI_LABELS,
  SERVICE_MODEL_LABELS,
} from '../labels.ts';
import { keyValueTable, PORTRAIT_WIDTH } from '../table.ts';
import { COLORS, FONTS, formatDateJa, formatJst, labelRuns, para, pt, richPara, runs } from '../text.ts';
import { RACI_ROLES } from '@bunkai/domain';

/** 表紙: what this document is, for which engagement and revision, and its status. */
export const coverSection = ({ model, bilingual }: TSectionContext): (Paragraph | Table)[] => {
  const { engagement, revision, generatedOn } = model.input;
  const statusLabel = ANNEX_STATUS_LABELS[model.status];
  const statusColor = model.status === 'executed' ? '1F6B2E' : 'B00020';
  const hash = revision?.sha256 ?? null;
  const kv = (ja: string, en: string, value: TextRun[]): readonly [TextRun[], TextRun[]] => [
    labelRuns({ ja, en }, bilingual, { bold: true, size: pt(9.5) }),
    value,
  ];
  const v = (text: string): TextRun[] => runs(text, { size: pt(10.5) });

  const rows = [
    kv('案件名', 'Engagement', v(engagement.title)),
    kv('医療機関', 'Hospital', v(engagement.hospitalName)),
    kv('対象システム', 'System', v(engagement.systemName)),
    kv('サービス形態', 'Service model', labelRuns(SERVICE_MODEL_LABELS[engagement.serviceModel], bilingual, { size: pt(10.5) })),
    kv('提供形態', 'Provision', labelRuns(PROVISION_PATTERN_LABELS[engagement.provisionPattern], bilingual, { size: pt(10.5) })),
    kv('版', 'Revision', v(revision ? `第${revision.number}版` : '未凍結（草案）')),
    kv('SHA-256', 'Revision hash', hash ? runs(hash, { font: FONTS.mono, size: pt(8.5) }) : v('—（凍結前のためハッシュなし）')),
    kv('凍結日時', 'Frozen at', v(revision?.frozenAt ? formatJst(revision.frozenAt) : '—')),
    kv('状態', 'Status', labelRuns(statusLabel, bilingual, { bold: true, size: pt(10.5), color: statusColor })),
    kv('作成日', 'Generated on', v(formatDateJa(generatedOn))),
    kv('案件ID', 'Engagement ID', runs(engagement.id, { font: FONTS.mono, size: pt(8.5) })),
  ] as const;

  const legend = RACI_ROLES.map((r) => `${r} ${RACI_LABELS[r].ja}`).join('　／　');
  return [
    para('', {}, { spacing: { before: 1400 } }),
    para(DOCUMENT_TITLE.ja, { bold: true, size: pt(20), font: { eastAsia: FONTS.gothic } }, { alignment: AlignmentType.CENTER }),
    ...(bilingual ? [para(DOCUMENT_TITLE.en, { size: pt(11), color: COLORS.muted }, { alignment: AlignmentType.CENTER })] : []),
    para(engagement.title, { size: pt(14) }, { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 480 } }),
    keyValueTable(rows, [2600, PORTRAIT_WIDTH - 2600]),
    para('', {}, { spacing: { before: 240 } }),
    para(
      '本書は、上記案件について医療機関および各事業者が合意した責任分界（役割分担）を記載した契約の別紙である。' +
        '項目の区分（Part1・Part2）は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の区分に倣うが、' +
        '項目・項番・並び順は本システムの責任項目カタログによるもので、確認表の項番は確認できた項目に限り示す。' +
        '本書の内容は上記の版およびSHA-256ハッシュ値により特定される。',
      { size: pt(9.5) },
      { spacing: { after: 120 } },
    ),
    richPara([
      ['役割の凡例：', { bold: true, size: pt(9.5) }],
      [legend, { size: pt(9.5) }],
    ]),
    para(
      'R（実施）は作業を行う者、A（責任）は結果に最終的な責任を負う者（各項目に1者）、' +
        'C（協議）は事前に協議を受ける者、I（報告）は結果の報告を受ける者を示す。' +
        '「初回確認」は初回協議時点で確認できたか（はい・いいえ）とその日付、「完了日」は後日確認が完了した日を示す。',
      { size: pt(9), color: COLORS.muted },
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
};
