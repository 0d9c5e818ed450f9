import { AlignmentType, HeadingLevel, PageBreak, Paragraph } from 'docx';
import type { Table, TextRun } from 'docx';
import { RACI_ROLES, standingLabel } from '@bunkai/domain';
import type { TSectionContext } from '../annex-model.ts';
import { ANNEX_STATUS_LABELS, DOCUMENT_TITLE, PARTY_ROLE_LABELS, PROVISION_PATTERN_LABELS, RACI_LABELS, SERVICE_MODEL_LABELS } from '../labels.ts';
import { keyValueTable, PORTRAIT_WIDTH } from '../table.ts';
import { COLORS, FONTS, formatDateJa, formatJst, labelRuns, para, pt, richPara, runs, withEra } from '../text.ts';

/** An entry of the table of contents (目次), listed on the cover. */
export type TTocEntry = { no: string; ja: string; en: string };

const PREVAILS = {
  main_contract: '本別紙と主契約の定めが抵触する場合は、主契約の定めが優先する。',
  annex: '本別紙と主契約の定めが抵触する場合は、責任分界に関する事項について本別紙の定めが優先する。',
} as const;

/** 表紙: what this document is, the main contract it belongs to, its revision, standing and status, and the contents. */
export const coverSection = ({ model, bilingual }: TSectionContext, toc: readonly TTocEntry[] = []): (Paragraph | Table)[] => {
  const { engagement, revision, generatedOn } = model.input;
  const contract = engagement.contract ?? null;
  const era = contract?.japaneseEraDates ?? false;
  const date = (d: string) => withEra(formatDateJa(d), d, era);
  const statusLabel = ANNEX_STATUS_LABELS[model.status];
  const statusColor = model.status === 'executed' ? '1F6B2E' : 'B00020';
  const hash = revision?.sha256 ?? null;
  const kv = (ja: string, en: string, value: TextRun[]): readonly [TextRun[], TextRun[]] => [labelRuns({ ja, en }, bilingual, { bold: true, size: pt(9.5) }), value];
  const v = (text: string): TextRun[] => runs(text, { size: pt(10.5) });

  const designated = model.parties.filter((p) => model.partyLabels.get(p.id)?.designation);
  const contractRows = contract
    ? [
        kv('契約名', 'Main contract', v(contract.title)),
        kv('契約番号', 'Contract No.', v(contract.number || '—')),
        kv('契約日', 'Contract date', v(contract.date ? date(contract.date) : '—')),
        ...(designated.length
          ? [kv('当事者の表示', 'Designations', v(designated.map((p) => `${model.partyLabels.get(p.id)!.designation}：${model.input.organizationNames[p.id] ?? p.displayName}（${PARTY_ROLE_LABELS[p.role].ja}）`).join('\n')))]
          : []),
        kv('優先関係', 'Precedence', v(PREVAILS[contract.prevails])),
      ]
    : [kv('主契約', 'Main contract', v('（未登録：案件設定で契約名・契約番号・契約日を登録すると表示される）'))];
  const standing = revision?.standing ? standingLabel(revision.standing) : null;
  const rows = [
    kv('案件名', 'Engagement', v(engagement.title)),
    ...contractRows,
    kv('医療機関', 'Hospital', v(engagement.hospitalName)),
    kv('対象システム', 'System', v(engagement.systemName)),
    kv('サービス形態', 'Service model', labelRuns(SERVICE_MODEL_LABELS[engagement.serviceModel], bilingual, { size: pt(10.5) })),
    kv('提供形態', 'Provision', labelRuns(PROVISION_PATTERN_LABELS[engagement.provisionPattern], bilingual, { size: pt(10.5) })),
    kv('版', 'Revision', v(revision ? `第${revision.number}版${revision.number > 1 ? `（第${revision.number - 1}版に代わる）` : ''}` : '未凍結（草案）')),
    kv('SHA-256', 'Revision hash', hash ? runs(hash, { font: FONTS.mono, size: pt(8.5) }) : v('—（凍結前のためハッシュなし）')),
    kv('凍結日時', 'Frozen at', v(revision?.frozenAt ? formatJst(revision.frozenAt) : '—')),
    kv('状態', 'Status', labelRuns(statusLabel, bilingual, { bold: true, size: pt(10.5), color: statusColor })),
    ...(standing ? [kv('効力', 'Standing', labelRuns(standing, bilingual, { bold: true, size: pt(10.5), color: revision?.standing?.kind === 'executed_current' ? '1F6B2E' : 'B00020' }))] : []),
    kv('作成日', 'Generated on', v(date(generatedOn))),
    kv('案件ID', 'Engagement ID', runs(engagement.id, { font: FONTS.mono, size: pt(8.5) })),
  ] as const;

  const legend = RACI_ROLES.map((r) => `${r} ${RACI_LABELS[r].ja}`).join('　／　');
  const supersession =
    revision && revision.number > 1
      ? `本別紙第${revision.number}版は、締結された時点で第${revision.number - 1}版以前の版に代わり、以後はこの版が当事者間の責任分界を定める。`
      : '本別紙の内容を変更するときは新たな版を作成し、全当事者の署名により締結された新しい版が従前の版に代わる。';
  return [
    para('', {}, { spacing: { before: 900 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(DOCUMENT_TITLE.ja) }),
    ...(bilingual ? [para(DOCUMENT_TITLE.en, { size: pt(11), color: COLORS.muted }, { alignment: AlignmentType.CENTER })] : []),
    para(engagement.title, { size: pt(14) }, { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } }),
    keyValueTable(rows, [2600, PORTRAIT_WIDTH - 2600]),
    para('', {}, { spacing: { before: 200 } }),
    para(
      `本書は、${contract ? `上記主契約「${contract.title}」の別紙として、` : ''}上記案件について医療機関および各事業者が合意した責任分界（役割分担）を記載したものである。` +
        '項目の区分（Part1・Part2）は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の区分に倣うが、' +
        '項目・項番・並び順は本システムの責任項目カタログによるもので、確認表の項番は確認できた項目に限り示す。' +
        `本書の内容は上記の版およびSHA-256ハッシュ値により特定される。${supersession}`,
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
    ...(toc.length
      ? [
          para('目次', { bold: true, size: pt(10.5) }, { spacing: { before: 200, after: 60 } }),
          ...toc.map((e) => para(`${e.no}\u3000${e.ja}${bilingual ? `\u3000${e.en}` : ''}`, { size: pt(9.5) }, { indent: { left: 240 } })),
        ]
      : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
};
