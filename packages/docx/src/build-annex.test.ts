import { describe, expect, it } from 'vitest';
import { catalogItemNumbers } from '@bunkai/domain';
import { buildAnnex } from './build-annex.ts';
import { draftAnnex, executedAnnex, IDS, SMALL_SHA256, smallAnnex } from './fixtures/small-annex.ts';
import { documentText, part, rowXml, tables, unzipDocx } from './fixtures/read-docx.ts';

// Build each variant once; the tests only read the result.
const cache = new Map<string, Promise<Record<string, string>>>();
const build = (input = smallAnnex()): Promise<Record<string, string>> => {
  const key = JSON.stringify(input);
  let files = cache.get(key);
  if (!files) {
    files = buildAnnex(input, { includeMatrix: true }).then(unzipDocx);
    cache.set(key, files);
  }
  return files;
};

/** The asset row of the responsibility table whose first cell is the 項番 `no` (and whose 対象 mentions `asset`, if given). */
const itemRow = (xml: string, no: string, asset?: string): string[] => {
  const rows = tables(xml).flat().filter((r) => r[0] === no && r.length > 5 && (!asset || (r[2] ?? '').includes(asset)));
  const row = rows[0];
  if (!row) throw new Error(`no row for ${no} ${asset ?? ''}`);
  return row;
};

/** The duty row (項番, 確認表項番, everything else in one cell) of the 項番 `no`. */
const dutyRow = (xml: string, no: string): string[] => {
  const row = tables(xml).flat().find((r) => r[0] === no && r.length === 3);
  if (!row) throw new Error(`no duty row for ${no}`);
  return row;
};

describe('buildAnnex: document content', () => {
  it('writes the cover: title, engagement, hospital, system, service model, revision, full hash, status, date', async () => {
    const text = documentText(part(await build(), 'word/document.xml'));
    expect(text).toContain('責任分界合意書 別紙（SLA annex）');
    expect(text).toContain('電子カルテシステム更新に係る責任分界');
    expect(text).toContain('さくら総合病院');
    expect(text).toContain('電子カルテシステム（オンプレミス）');
    expect(text).toContain('オンプレミス');
    expect(text).toContain('医療機関が各事業者と個別に契約');
    expect(text).toContain('第2版');
    expect(text).toContain(SMALL_SHA256);
    expect(text).toContain('署名待ち');
    expect(text).toContain('2025年4月5日');
    expect(text).toContain('2025年4月1日 10:30:00 JST');
  });

  it('lists parties with Japanese roles, organizations, contract references and both kinds of contact', async () => {
    const text = documentText(part(await build(), 'word/document.xml'));
    expect(text).toContain('| 1 | 医療機関 Hospital | さくら総合病院 | 医療法人さくら会 さくら総合病院 | — |');
    expect(text).toContain('| 2 | 電子カルテ事業者 EHR vendor | 株式会社カルテシステムズ | 株式会社カルテシステムズ | 保守契約 第2025-031号 |');
    expect(text).toContain('ミナトネット株式会社');
    expect(text).toContain('| 緊急時 | NOC 当番 | 03-5555-0199 | noc@minato-net.example.jp | 24時間365日 |');
    expect(text).toContain('| 緊急時 | （未登録） |');
  });

  it('orders items Part1 then Part2 by order, grouped by Japanese category labels, numbered P1-001… as on the web', async () => {
    const text = documentText(part(await build(), 'word/document.xml'));
    const at = (s: string): number => text.indexOf(s);
    expect(at('Part1 主に医療機関が実施する項目')).toBeGreaterThan(0);
    // The duty codes of the fixture (P1-GOV-01, P2-VUL-01, …) in catalog order: the web's catalogItemNumbers.
    const numbers = catalogItemNumbers(smallAnnex().duties);
    expect([...numbers]).toEqual([
      ['P1-GOV-01', 'P1-001'],
      ['P2-VUL-01', 'P2-001'],
      ['P2-BAK-01', 'P2-002'],
      ['P2-NET-01', 'P2-003'],
      ['P2-END-01', 'P2-004'],
    ]);
    expect(at('| P1-001 |  | 事業者の情報セキュリティ対応状況の確認')).toBeLessThan(at('| P2-001 |  | セキュリティパッチの適用'));
    expect(at('| P2-001 |')).toBeLessThan(at('| P2-002 |  | バックアップの取得と復旧テスト'));
    expect(at('| P2-002 |')).toBeLessThan(at('| P2-003 |  | サイバー攻撃発生時のネットワーク遮断'));
    expect(at('| P2-003 |')).toBeLessThan(at('| P2-004 |  | 契約終了時のデータ消去'));
    expect(text).not.toContain('P2-VUL-01');
    expect(text).toContain('■ 脆弱性・パッチ管理');
    expect(text).toContain('■ インシデント対応');
  });

  it('puts each party role letter in that party column', async () => {
    const xml = part(await build(), 'word/document.xml');
    // Asset rows: 項番, 確認表項番, 対象, then parties by position (hospital, EHR, network; letters only), 初回確認, 完了日, 条件・備考.
    expect(itemRow(xml, 'P1-001').slice(3, 6)).toEqual(['R・A', 'C', '']);
    expect(itemRow(xml, 'P2-003').slice(3, 6)).toEqual(['A・I', 'R・C', 'R']);
    expect(itemRow(xml, 'P2-001', 'リモート保守用VPN装置').slice(3, 6)).toEqual(['A', 'I', 'R']);
  });

  it('prints a duty once (title, description, 根拠), then one short row per differing asset: 対象, 初回確認 with date, 完了日, terms', async () => {
    const xml = part(await build(), 'word/document.xml');
    const duty = dutyRow(xml, 'P2-001');
    expect(duty[2]).toContain('セキュリティパッチの適用 ［平常時］ 脆弱性情報を収集し');
    expect(duty[2]).toContain('根拠：安全管理GL 6.0 運用編 §8.2');
    const vpn = itemRow(xml, 'P2-001', 'リモート保守用VPN装置');
    const server = itemRow(xml, 'P2-001', '電子カルテサーバ');
    expect(vpn[2]).toBe('A01 リモート保守用VPN装置');
    expect(vpn[6]).toBe('いいえ 2025/03/10');
    expect(vpn[7]).toBe('2025/03/24');
    expect(vpn[8]).toContain('対応時間：公開後14日以内');
    expect(vpn[8]).toContain('証跡：適用報告書');
    expect(server[6]).toBe('はい 2025/03/10');
    expect(itemRow(xml, 'P1-001')[2]).toBe('案件全体');
  });

  it('prints the terms every row of a duty shares once, on the duty row, and not again in its rows', async () => {
    const xml = part(await build(), 'word/document.xml');
    expect(dutyRow(xml, 'P2-003')[2]).toContain('【共通条件】対応時間：検知から30分以内／証跡：対応記録');
    expect(itemRow(xml, 'P2-003')[8]).toBe('');
  });

  it('lists the assets with the numbers the 対象 column uses', async () => {
    const text = documentText(part(await build(), 'word/document.xml'));
    expect(text).toContain('| A01 | リモート保守用VPN装置 | VPN装置 | ミナトネット株式会社 | Fortinet ／ FortiGate 60F ／ 7.2.8 | 2027/03/31 |');
  });

  it('escapes what the text rows carry: markup characters and control characters in titles and terms', async () => {
    const input = smallAnnex();
    const duties = input.duties.map((d, i) => (i === 0 ? { ...d, title: { ...d.title, ja: 'R&D <試験> 環境\u0007の管理' } } : d));
    const files = await build({ ...input, duties });
    const text = documentText(part(files, 'word/document.xml'));
    expect(text).toContain('R&D <試験> 環境の管理');
    expect(part(files, 'word/document.xml')).toContain('R&amp;D &lt;試験&gt; 環境の管理');
  });

  it('marks cells that are not agreed and not applicable', async () => {
    const xml = part(await build(), 'word/document.xml');
    expect(itemRow(xml, 'P2-002')[8]).toBe('【協議不調】');
    expect(itemRow(xml, 'P2-004', '電子カルテサーバ')[8]).toBe('【提案中】');
    const na = itemRow(xml, 'P2-004', '外来診療端末');
    expect(na.slice(3, 6)).toEqual(['—', '—', '—']);
    expect(na[8]).toContain('対象外：端末は医療機関の所有物');
  });

  it('repeats table header rows and keeps rows from splitting', async () => {
    const xml = part(await build(), 'word/document.xml');
    const rows = rowXml(xml);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    const headers = rows.filter((r) => r.includes('<w:tblHeader/>'));
    expect(headers.some((r) => r.includes('項番') && r.includes('初回確認'))).toBe(true);
    expect(headers.some((r) => r.includes('区分') && r.includes('状態'))).toBe(true);
  });

  it('puts the asset × duty matrix in a landscape section, engagement-wide block first', async () => {
    const xml = part(await build(), 'word/document.xml');
    expect(xml).toContain('w:orient="landscape"');
    const matrix = xml.slice(xml.indexOf('資産×責任項目マトリクス'));
    const text = documentText(matrix);
    expect(text.indexOf('■ 案件全体（資産に依存しない項目）')).toBeLessThan(text.indexOf('■ リモート保守用VPN装置'));
    expect(text).toContain('サポート終了：2027/03/31');
    expect(text).toContain('| P2-003 | サイバー攻撃発生時のネットワーク遮断 | 非常時 | A・I | R・C | R | 合意済 |');
  });

  it('lists the warning finding and the signing certificate with signers, JST times, seals and the hash', async () => {
    const text = documentText(part(await build(), 'word/document.xml'));
    expect(text).toContain('ASSET_EOS_SOON');
    expect(text).toContain('サポート終了日（2027-03-31）が近づいている');
    expect(text).toContain('山田 太郎');
    expect(text).toContain('| 署名日時（日本時間） | 2025年4月2日 14:12:45 JST |');
    expect(text).toContain('| 署名日時（日本時間） | 2025年4月3日 00:05:09 JST |');
    expect(text).toContain('4b7e0c2d9a1f38e6b5c4d3a2f1e0987654321fedcba9876543210fedcba98765');
    expect(text).toMatch(/\| ミナトネット株式会社（ネットワーク事業者） \|\n\| 署名 \| 未署名 \|/);
    expect(text).toContain('POST /api/v1/verify');
    expect(text).toContain('https://bunkai.example.jp/verify');
  });

  it('stores the revision identity in the custom properties and fixed core timestamps', async () => {
    const files = await build();
    const custom = part(files, 'docProps/custom.xml');
    expect(custom).toContain('name="bunkaiRevisionSha256"');
    expect(custom).toContain(`<vt:lpwstr>${SMALL_SHA256}</vt:lpwstr>`);
    expect(custom).toContain(`<vt:lpwstr>${IDS.engagement}</vt:lpwstr>`);
    expect(custom).toMatch(/name="bunkaiRevisionNumber"[^>]*><vt:lpwstr>2<\/vt:lpwstr>/);
    const core = part(files, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-04-01T01:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-01T01:30:00Z</dcterms:modified>');
  });

  it('sets Japanese-capable default fonts and language', async () => {
    const styles = part(await build(), 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="Noto Serif CJK JP"/);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:eastAsia="ja-JP"');
  });

  it('footer carries page X / Y and the short hash', async () => {
    const files = await build();
    const footers = Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    for (const name of footers) {
      const xml = part(files, name);
      expect(xml).toContain('SHA-256 9f2c4e1ab7d3');
      expect(xml).toContain('PAGE');
      expect(xml).toContain('NUMPAGES');
    }
  });
});

describe('buildAnnex: DRAFT marking', () => {
  const headers = (files: Record<string, string>): string[] =>
    Object.keys(files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map((n) => part(files, n));

  it('draft: 草案 DRAFT on the cover, a watermark in every header and 草案 in the footer', async () => {
    const files = await build(draftAnnex());
    const text = documentText(part(files, 'word/document.xml'));
    expect(text).toContain('草案 DRAFT');
    expect(text).toContain('未凍結（草案）');
    const hs = headers(files);
    expect(hs.length).toBeGreaterThan(0);
    for (const h of hs) {
      expect(h).toContain('PowerPlusWaterMarkObject');
      expect(h).toContain('string="草案 DRAFT"');
    }
    expect(part(files, 'word/footer1.xml')).toContain('草案');
    expect(part(files, 'docProps/custom.xml')).not.toContain('bunkaiRevisionSha256');
  });

  it('frozen but not fully signed: 署名待ち marking', async () => {
    for (const h of headers(await build())) expect(h).toContain('署名待ち UNSIGNED');
  });

  it('executed: 署名済 and no marking anywhere', async () => {
    const files = await build(executedAnnex());
    const text = documentText(part(files, 'word/document.xml'));
    expect(text).toContain('署名済');
    expect(text).not.toContain('草案');
    expect(text).not.toContain('未署名');
    for (const h of headers(files)) {
      expect(h).not.toContain('WaterMark');
      expect(h).not.toContain('DRAFT');
      expect(h).not.toContain('UNSIGNED');
    }
  });
});
