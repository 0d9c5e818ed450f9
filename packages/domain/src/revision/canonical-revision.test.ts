import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TEngagementSnapshot } from '../model/snapshot.ts';
import { buildCanonicalRevision, canonicalDate, REVISION_FORMAT } from './canonical-revision.ts';
import { FIXTURE_ORG_NAMES, revisionFixture } from './revision-fixture.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The pinned form of the fixture. Changing the canonical form changes every
 * revision hash ever signed: bump the format instead of editing this.
 */
const PINNED_TEXT =
  '{"assets":[{"category":"server","key":"A1","model":"X1","name":"電子カルテサーバ","owner":"P1","supportEndsOn":"2030-03-31","vendor":"ACME","version":"2.0"}],' +
  '"cells":[' +
  '{"asset":null,"assignment":{"P1":["R","A"]},"duty":"GOV-1","key":"GOV-1@*","kickoff":{"completedOn":"2025-04-10","firstCheckAnswer":"yes","firstCheckOn":"2025-04-01","notes":""},"notApplicableReason":null,"status":"agreed","terms":{"evidence":"","frequency":"","remarks":"","responseTime":""}},' +
  '{"asset":"A1","assignment":{"P1":["A","I"],"P2":["R"]},"duty":"VUL-1","key":"VUL-1@A1","kickoff":{"completedOn":null,"firstCheckAnswer":null,"firstCheckOn":null,"notes":""},"notApplicableReason":null,"status":"agreed","terms":{"evidence":"作業報告書","frequency":"月次","remarks":"","responseTime":"30日以内"}},' +
  '{"asset":null,"assignment":null,"duty":"BCP-9","key":"BCP-9@*","kickoff":{"completedOn":null,"firstCheckAnswer":null,"firstCheckOn":null,"notes":""},"notApplicableReason":"本契約の範囲外","status":"not_applicable","terms":{"evidence":"","frequency":"","remarks":"","responseTime":""}}],' +
  '"duties":[' +
  '{"appliesTo":[],"catalogVersion":null,"category":"governance","code":"GOV-1","concerns":[],"description":{"en":"Description","ja":"説明"},"kakuninhyoPart":1,"notApplicableReason":null,"order":1,"phase":"normal","references":[{"document":"mhlw-gl6-ops","section":"§3"}],"title":{"en":"Appoint an operations lead","ja":"運用責任者の選任"}},' +
  '{"appliesTo":["server"],"catalogVersion":null,"category":"vulnerability","code":"VUL-1","concerns":["patch_management"],"description":{"en":"Description","ja":"説明"},"kakuninhyoPart":2,"notApplicableReason":null,"order":10,"phase":"normal","references":[{"document":"mhlw-gl6-ops","note":"脆弱性","section":"§8.2"}],"title":{"en":"Apply patches","ja":"パッチ適用"}},' +
  '{"appliesTo":[],"catalogVersion":null,"category":"business_continuity","code":"BCP-9","concerns":[],"description":{"en":"Description","ja":"説明"},"kakuninhyoPart":2,"notApplicableReason":"本契約の範囲外","order":20,"phase":"emergency","references":[{"document":"mhlw-gl6-ops","section":"§12"}],"title":{"en":"Out of scope","ja":"対象外の項目"}}],' +
  '"engagement":{"provisionPattern":"single_vendor","serviceModel":"on_prem","systemName":"電子カルテ","title":"電子カルテ更新"},' +
  '"format":"bunkai-revision/1",' +
  '"parties":[' +
  '{"contractReference":"","displayName":"デモ総合病院","emergencyContacts":[{"email":"","hours":"24時間365日","name":"情報システム課","phone":"03-1111-1111"}],"key":"P1","normalContacts":[],"organizationName":"デモ総合病院","role":"hospital"},' +
  '{"contractReference":"保守契約 第12号","displayName":"NW保守","emergencyContacts":[{"email":"","hours":"24時間365日","name":"障害受付","phone":"03-2222-9999"}],"key":"P2","normalContacts":[{"email":"desk@nw.example","hours":"平日 9:00-17:00","name":"営業窓口","phone":"03-2222-2222"}],"organizationName":"ネットワーク保守株式会社","role":"network_vendor"}]}';

const PINNED_SHA256 = 'a9a408909dde4732251ee08869ca1987bd9210239805277a15892e4d79c013a9';

describe('canonical revision (bunkai-revision/1)', () => {
  it('pins the canonical text and hash of the fixture', () => {
    const { text, canonical } = buildCanonicalRevision(revisionFixture(), FIXTURE_ORG_NAMES);
    expect(text).toBe(PINNED_TEXT);
    expect(sha256(text)).toBe(PINNED_SHA256);
    expect(canonical.format).toBe(REVISION_FORMAT);
  });

  it('holds no surrogate ids, timestamps or versions: other ids and row order hash the same', () => {
    const a = buildCanonicalRevision(revisionFixture('a0000000'), FIXTURE_ORG_NAMES);
    const shuffled = revisionFixture('b0000000');
    const reordered: TEngagementSnapshot = {
      ...shuffled,
      engagement: { ...shuffled.engagement, status: 'signing' },
      parties: [...shuffled.parties].reverse(),
      duties: [...shuffled.duties].reverse(),
      cells: [...shuffled.cells].reverse(),
      today: '2031-01-01',
    };
    const b = buildCanonicalRevision(reordered, FIXTURE_ORG_NAMES);
    expect(b.text).toBe(a.text);
    expect(a.text).not.toMatch(/a0000000|version":3|createdAt|updatedAt/);
    expect(b.partyKeys.get('b0000000-0000-4000-8000-000000000002')).toBe('P2');
    expect(b.cellKeys.get('b0000000-0000-4000-8000-000000000008')).toBe('VUL-1@A1');
  });

  it('normalizes Unicode to NFC, role letters to R-A-C-I and dates to YYYY-MM-DD', () => {
    const s = revisionFixture();
    const decomposed: TEngagementSnapshot = {
      ...s,
      engagement: { ...s.engagement, title: '電子カルテ更新'.normalize('NFD') },
      assets: s.assets.map((a) => ({ ...a, name: '電子カルテサーバ'.normalize('NFD'), supportEndsOn: '2030-03-31T00:00:00.000Z' })),
      cells: s.cells.map((c) => (c.assignment ? { ...c, assignment: Object.fromEntries(Object.entries(c.assignment).map(([k, r]) => [k, [...r, ...r].reverse()])) } : c)),
    };
    expect('電子カルテサーバ'.normalize('NFD')).not.toBe('電子カルテサーバ');
    expect(buildCanonicalRevision(decomposed, FIXTURE_ORG_NAMES).text).toBe(PINNED_TEXT);
    expect(canonicalDate('2025-04-01')).toBe('2025-04-01');
    expect(canonicalDate(null)).toBeNull();
  });

  it('changes the text when anything agreed changes (terms, kickoff, a party name)', () => {
    const base = buildCanonicalRevision(revisionFixture(), FIXTURE_ORG_NAMES).text;
    const s = revisionFixture();
    const withTerms = { ...s, cells: s.cells.map((c, i) => (i === 1 ? { ...c, terms: { ...c.terms, remarks: '夜間作業' } } : c)) };
    const withKickoff = { ...s, cells: s.cells.map((c, i) => (i === 1 ? { ...c, kickoff: { ...c.kickoff, completedOn: '2025-05-01' } } : c)) };
    const otherOrg = new Map([...FIXTURE_ORG_NAMES].map(([k, v]) => [k, `${v}（旧）`]));
    for (const t of [
      buildCanonicalRevision(withTerms, FIXTURE_ORG_NAMES).text,
      buildCanonicalRevision(withKickoff, FIXTURE_ORG_NAMES).text,
      buildCanonicalRevision(s, otherOrg).text,
    ])
      expect(t).not.toBe(base);
  });

  it('refuses a snapshot whose assignment names a party that is not in it', () => {
    const s = revisionFixture();
    const broken = { ...s, cells: s.cells.map((c, i) => (i === 0 ? { ...c, assignment: { 'ffffffff-0000-4000-8000-000000000000': ['R' as const] } } : c)) };
    expect(() => buildCanonicalRevision(broken, FIXTURE_ORG_NAMES)).toThrow(/not in the engagement/);
  });
});
