import iconv from 'iconv-lite';
import { toCsv } from '../../src/modules/exchange/csv.ts';
import { writeXlsx } from '../../src/modules/exchange/xlsx.ts';

/**
 * A 確認表 laid out as the official sheet is (title line, Part headings, section heading, the 別添1 columns).
 * The three verified items (Part1 1-①, Part2 A-1, Part2 A-8) carry their text as paraphrased in
 * /work/shared/reference/kakuninhyo.md §1.8 (the official wording was not available). Every other row is
 * MADE-UP TEST DATA, marked 【テストデータ】 in its text, and is not an item of the real sheet.
 */
export const KAKUNINHYO_HEADER = ['Part', '項番', '項目', '内容', '想定されるリスク', '推奨される対応例', 'ガイドライン等関連部分'];

export const KAKUNINHYO_ROWS: string[][] = [
  ['医療情報システムの契約における当事者間の役割分担等に関する確認表（別添1 推奨される対応例）'],
  KAKUNINHYO_HEADER,
  ['Part1 【主に医療機関が実施する項目】'],
  [
    'Part1',
    '1-①',
    '事業者の情報セキュリティにおける対応状況',
    '事業者から提供される資料を用いて、事業者が要件を満たしているか確認し、適切な事業者を選定する。',
    '',
    'サービス仕様適合開示書、MDS/SDS、MDS2等を入手し、事業者のセキュリティ方針、組織的・技術的・物理的安全管理措置、実績に基づく信頼性、財務の健全性を確認する。',
    'サイバーセキュリティ対策チェックリスト、医療情報システムの安全管理に関するガイドライン',
  ],
  ['Part1', '1-②', '【テストデータ】髙橋医院の架空項目～ｶﾅ', '【テストデータ】公式の確認表の項目ではない。', '', '【テストデータ】', ''],
  ['Part2 【医療機関と事業者が共同で実施する項目】'],
  ['A 共通'],
  [
    'Part2',
    'A-1',
    '「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」の確認',
    '事業者が提供するシステム・サービスが提供事業者ガイドラインに沿って取り扱われていることを確認する。',
    '提供されるシステムが提供事業者ガイドラインに沿って取り扱われていない場合のリスク（以下判読不能）。',
    '事業者は、提供方法が提供事業者ガイドラインに適合していることを確認し、医療機関に説明する。',
    '医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン',
  ],
  ['Part2', 'A-2', '【テストデータ】架空の共同項目 "引用", カンマ', '【テストデータ】①②③ と 改行\n二行目。', '【テストデータ】', '', ''],
  [
    'Part2',
    'A-8',
    '個人情報の管理',
    '個人情報を適切に取り扱う方法について合意する。',
    '医療情報には要配慮個人情報が含まれ、漏えい等の事故が起きた場合の影響が大きい。',
    '事業者が医療機関の保有する個人情報を取り扱う場合、個人情報保護法及び関連ガイダンスに基づく適切な安全管理措置と事故時の対応を契約で定める。',
    '提供事業者ガイドライン 3.1.3',
  ],
  ['Part2', 'B-1', '【テストデータ】架空の別区分', '【テストデータ】B区分は公式の確認表で確認されていない。', '', '', ''],
];

/** The official numbers in sheet order, as the duties must carry them. */
export const KAKUNINHYO_ITEMS = ['Part1 1-①', 'Part1 1-②', 'Part2 A-1', 'Part2 A-2', 'Part2 A-8', 'Part2 B-1'];

export const kakuninhyoFile = async (format: 'xlsx' | 'utf8' | 'sjis'): Promise<{ body: Buffer; contentType: string }> => {
  if (format === 'xlsx') {
    const width = KAKUNINHYO_HEADER.length;
    const rows = KAKUNINHYO_ROWS.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
    // writeXlsx puts its column headers in row 1: the title line goes there, as in the sheet.
    const [title, ...rest] = rows;
    const body = await writeXlsx('確認表', title!.map((h) => ({ header: h, width: 20 })), rest);
    return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
  const text = toCsv(KAKUNINHYO_ROWS, { bom: format === 'utf8' });
  // What Japanese Excel writes for 「CSV (コンマ区切り)」: Windows-31J, which has ① and 髙.
  return { body: format === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'cp932'), contentType: 'text/csv' };
};
