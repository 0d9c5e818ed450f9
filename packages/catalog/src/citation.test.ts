import { describe, expect, it } from 'vitest';
import { bibliography, formatDocument, formatReference, formatReferences, parseReference } from './citation.ts';
import { CATALOG_DOCUMENTS, CATALOG_DOCUMENT_IDS } from './documents.ts';
import { CATALOG_VERSIONS, catalogDutiesOf } from './versions/index.ts';
import { catalogDuties } from './duties/index.ts';

describe('formatReference', () => {
  it('prints readable citations, never the internal document id', () => {
    expect(formatReference({ document: 'mhlw-gl6-ops', section: '§8.2' })).toBe('安全管理GL 6.0 運用編 §8.2');
    expect(formatReference({ document: 'mhlw-gl6-ops', section: '§8.2' }, 'en')).toBe('MHLW GL 6.0 Operations, §8.2');
    expect(formatReference({ document: 'role-split-checklist-2024', section: 'Part2 A-1' })).toBe('役割分担確認表（2024） Part2 A-1');
  });

  it('says "row not verified" instead of an unverified checklist row, also for the old 2-(7..9)', () => {
    expect(formatReference({ document: 'cyber-checklist-r6', section: '管理・運用' }, 'en')).toBe('R6 checklist, 管理・運用 (row not verified)');
    expect(formatReference({ document: 'cyber-checklist-r6', section: '2-(7..9)' }, 'en')).toBe('R6 checklist, 管理・運用 (row not verified)');
    expect(formatReference({ document: 'cyber-checklist-r6', section: '2-(7..9)' })).toBe('R6チェックリスト 管理・運用（行番号未確認）');
  });

  it('prints a document the catalog does not know as its owner wrote it', () => {
    expect(formatReference({ document: '院内規程', section: '第3条' })).toBe('院内規程 第3条');
  });

  it.each(CATALOG_VERSIONS.map((v) => [v] as const))('renders every reference of catalog %s without a slug or a row range', (version) => {
    for (const d of catalogDutiesOf(version) ?? []) {
      for (const lang of ['ja', 'en'] as const) {
        const text = formatReferences(d.references, lang);
        for (const id of CATALOG_DOCUMENT_IDS) expect(text, `${d.code} ${lang}`).not.toContain(id);
        expect(text, d.code).not.toContain('..');
      }
    }
  });

  it('joins several references per language', () => {
    const refs = [
      { document: 'mhlw-gl6-ops', section: '§10 遵守事項③' },
      { document: 'risk-communication-2023', section: 'slide 24' },
    ];
    expect(formatReferences(refs)).toBe('安全管理GL 6.0 運用編 §10 遵守事項③、ヘンリー講演資料（2023） slide 24');
    expect(formatReferences(refs, 'en')).toBe('MHLW GL 6.0 Operations, §10 遵守事項③; Henry lecture slides (2023), slide 24');
  });
});

describe('bibliography (参考文献)', () => {
  it('lists each cited catalog document once, in catalog order, with the short name and full entry', () => {
    const list = bibliography([
      { document: 'risk-communication-2023', section: 'slide 24' },
      { document: 'mhlw-gl6-ops', section: '§8.2' },
      { document: 'mhlw-gl6-ops', section: '§10.1' },
      { document: '院内規程', section: '第3条' },
    ]);
    expect(list.map((e) => e.shortTitle)).toEqual(['安全管理GL 6.0 運用編', 'ヘンリー講演資料（2023）']);
    expect(list[0]?.entry).toBe('厚生労働省「医療情報システムの安全管理に関するガイドライン 第6.0版 システム運用編」（2023年）');
    expect(list[1]?.entry).toContain('https://m-isac.jp/2023/11/13/sl202308/');
  });

  it('has a full entry and a distinct short name for every document', () => {
    const shorts = CATALOG_DOCUMENT_IDS.map((id) => CATALOG_DOCUMENTS[id].shortTitle.ja);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const id of CATALOG_DOCUMENT_IDS) {
      expect(formatDocument(id)).toContain(CATALOG_DOCUMENTS[id].title.ja);
      expect(formatDocument(id, 'en')).toContain(CATALOG_DOCUMENTS[id].title.en);
    }
  });
});

describe('parseReference (the inverse of formatReference)', () => {
  it('reads every reference of the current catalog back from its Japanese and English citation', () => {
    for (const d of catalogDuties)
      for (const r of d.references)
        for (const lang of ['ja', 'en'] as const)
          expect(parseReference(formatReference(r, lang)), `${d.code} ${lang}`).toEqual({ document: r.document, section: r.section });
  });

  it('maps an unverified-row label back to its group and reads unknown sources as "<document> <section>"', () => {
    expect(parseReference('R6チェックリスト 管理・運用（行番号未確認）')).toEqual({ document: 'cyber-checklist-r6', section: '管理・運用' });
    expect(parseReference('院内規程 第3条 第2項')).toEqual({ document: '院内規程', section: '第3条 第2項' });
    expect(parseReference('mhlw-gl6-ops §8.2')).toEqual({ document: 'mhlw-gl6-ops', section: '§8.2' });
    expect(parseReference('単語')).toBeNull();
  });
});
