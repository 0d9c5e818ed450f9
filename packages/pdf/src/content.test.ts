import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bibliography } from '@bunkai/catalog';
import { buildModel, type TAnnexInput } from '@bunkai/docx';
import { executedAnnex, IDS } from '../../docx/src/fixtures/small-annex.ts';
import { renderAnnexPdf } from './index.ts';

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'bunkai-pdf-content-'));
let n = 0;
const squash = (s: string): string => s.replace(/\s+/g, '');
/** Poppler's pdftotext, as a reader's copy-and-paste would see the text; whitespace squashed, since cells wrap. */
const textOf = async (input: TAnnexInput): Promise<string> => {
  const file = join(dir, `annex-${(n += 1)}.pdf`);
  writeFileSync(file, await renderAnnexPdf(input));
  return squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
};

/** The executed small annex with a main contract (甲・乙), an official 確認表 item number on two duties, and 和暦 dates. */
const withContract = (): TAnnexInput => {
  const base = executedAnnex();
  const [first, second] = base.duties;
  return {
    ...base,
    engagement: {
      ...base.engagement,
      contract: {
        title: '電子カルテシステム保守業務委託契約',
        number: 'HX-2025-017',
        date: '2025-03-31',
        designations: { [IDS.hospital]: '甲', [IDS.ehr]: '乙' },
        prevails: 'annex',
        japaneseEraDates: true,
      },
    },
    duties: base.duties.map((d) => (d === first ? { ...d, kakuninhyoItem: '2-⑥' } : d === second ? { ...d, kakuninhyoItem: '1-①' } : d)),
    revision: { ...base.revision!, standing: { kind: 'executed_current', supersededBy: null } },
  };
};

describe('the PDF annex carries what the .docx carries', () => {
  it('prints the 主契約 block on the cover: 契約名, 番号, 契約日 (和暦), 甲/乙 and which document prevails', async () => {
    const input = withContract();
    const text = await textOf(input);
    expect(text).toContain('契約名');
    expect(text).toContain('電子カルテシステム保守業務委託契約');
    expect(text).toContain('HX-2025-017');
    expect(text).toContain('2025年3月31日（令和7年3月31日）');
    expect(text).toContain(squash(`甲：${input.organizationNames[IDS.hospital]}（医療機関）`));
    expect(text).toContain(squash(`乙：${input.organizationNames[IDS.ehr]}`));
    expect(text).toContain('責任分界に関する事項について本別紙の定めが優先する');
    expect(text).toContain('上記主契約「電子カルテシステム保守業務委託契約」の別紙として');
    // Party columns are headed by the contract's designations, explained by a legend.
    expect(text).toContain('当事者の略称：甲＝');
    expect(text).toContain('目次');
    const without = await textOf(executedAnnex());
    expect(without).toContain('（未登録：案件設定で契約名・契約番号・契約日を登録すると表示される）');
  });

  it('numbers duties by 項番 as the web does (P1-001), with the 確認表項番 in the same row, and only those', async () => {
    const input = withContract();
    const file = join(dir, 'items.pdf');
    writeFileSync(file, await renderAnnexPdf(input));
    // -layout keeps each table row on its lines: 項番, then 確認表項番 (the citations in 内容 name the same sections).
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(/確認表\s+対象/);
    const model = buildModel(input);
    const official = model.officialItems;
    expect([...official.values()].sort()).toEqual(['1-①', '2-⑥']);
    for (const d of input.duties) {
      const no = model.itemNumbers.get(d.id)!;
      expect(no).toMatch(/^P[12]-\d{3}$/);
      const item = official.get(d.id);
      if (item) expect(layout).toMatch(new RegExp(`^\\s*${no}\\s+${item}\\s+${d.title.ja.slice(0, 4)}`, 'm'));
      else expect(layout).toMatch(new RegExp(`^\\s*${no}\\s+${d.title.ja.slice(0, 4)}`, 'm'));
      // The duty code is no longer printed as 項番.
      expect(layout).not.toMatch(new RegExp(`^\\s*${d.code}\\s`, 'm'));
    }
    expect(await textOf(executedAnnex())).not.toContain('2-⑥');
  });

  it('numbers assets in a 資産一覧 (A01…) and names a row’s assets by number; terms every row shares print once as 【共通条件】', async () => {
    const input = withContract();
    const model = buildModel(input);
    const text = await textOf(input);
    expect(model.assets.length).toBeGreaterThan(0);
    expect(text).toContain('3.資産一覧');
    for (const a of model.assets) expect(text).toContain(squash(`${model.assetNumbers.get(a.id)}${a.name}`));
    const shared = { ...input, cells: input.cells.map((c) => ({ ...c, terms: { ...c.terms, responseTime: '共通72時間以内' } })) };
    const sharedText = await textOf(shared);
    expect(sharedText).toContain('【共通条件】対応時間：共通72時間以内');
    expect(sharedText.split('共通72時間以内').length - 1).toBe(new Set(input.cells.map((c) => c.dutyId)).size);
  });

  it('prints the revision’s standing (版の効力) and what it supersedes', async () => {
    const current = await textOf(withContract());
    expect(current).toContain('効力');
    expect(current).toContain('締結済・現に有効（Executedandcurrent）');
    const superseded = withContract();
    superseded.revision = { ...superseded.revision!, standing: { kind: 'executed_superseded', supersededBy: { number: 3, on: '2025-09-01T00:00:00Z' } } };
    const text = await textOf(superseded);
    expect(text).toContain('締結済・第3版（2025-09-01締結）により失効');
    expect(text).toContain('第2版（第1版に代わる）');
    const voided = withContract();
    voided.revision = { ...voided.revision!, status: 'frozen', standing: { kind: 'void', supersededBy: { number: 3, on: null } } };
    expect(await textOf(voided)).toContain('未締結のまま第3版により失効（無効）');
  });

  it('lists 参考文献 with the readable citations 根拠 uses, never the catalog ids', async () => {
    const input = withContract();
    const text = await textOf(input);
    const entries = bibliography(input.duties.flatMap((d) => d.references));
    expect(entries.length).toBeGreaterThan(0);
    expect(text).toContain('6.参考文献');
    entries.forEach((b, i) => expect(text).toContain(squash(`[${i + 1}]${b.shortTitle}：${b.entry}`)));
    expect(text).toContain(squash(`根拠：${entries[0]!.shortTitle}`));
    expect(text).not.toContain('mhlw-gl6-ops');
  });
});
