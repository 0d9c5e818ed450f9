/**
 * Test fixture: a small, fully settled engagement snapshot (hospital + one
 * vendor, one asset, three duties) used by the revision tests. Ids are
 * parameterized so tests can prove they never reach the canonical form.
 */
import { EMPTY_KICKOFF, EMPTY_TERMS } from '../model/cell.ts';
import type { TEngagementSnapshot } from '../model/snapshot.ts';

export const HOSPITAL_ORG = '11111111-1111-4111-8111-111111111111';
export const VENDOR_ORG = '22222222-2222-4222-8222-222222222222';
export const FIXTURE_ORG_NAMES: ReadonlyMap<string, string> = new Map([
  [HOSPITAL_ORG, 'デモ総合病院'],
  [VENDOR_ORG, 'ネットワーク保守株式会社'],
]);

const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const revisionFixture = (idPrefix = 'a0000000'): TEngagementSnapshot => {
  const engagementId = id(idPrefix, 0);
  const hospital = id(idPrefix, 1);
  const vendor = id(idPrefix, 2);
  const server = id(idPrefix, 3);
  const dGov = id(idPrefix, 4);
  const dPatch = id(idPrefix, 5);
  const dNa = id(idPrefix, 6);
  const base = { engagementId, version: 3 };
  return {
    engagement: { id: engagementId, title: '電子カルテ更新', systemName: '電子カルテ', serviceModel: 'on_prem', provisionPattern: 'single_vendor', status: 'negotiating' },
    parties: [
      { ...base, id: hospital, organizationId: HOSPITAL_ORG, role: 'hospital', displayName: 'デモ総合病院', contractReference: '', normalContacts: [], emergencyContacts: [{ name: '情報システム課', phone: '03-1111-1111', email: '', hours: '24時間365日' }], position: 0 },
      { ...base, id: vendor, organizationId: VENDOR_ORG, role: 'network_vendor', displayName: 'NW保守', contractReference: '保守契約 第12号', normalContacts: [{ name: '営業窓口', phone: '03-2222-2222', email: 'desk@nw.example', hours: '平日 9:00-17:00' }], emergencyContacts: [{ name: '障害受付', phone: '03-2222-9999', email: '', hours: '24時間365日' }], position: 1 },
    ],
    assets: [{ ...base, id: server, name: '電子カルテサーバ', category: 'server', ownerPartyId: hospital, vendor: 'ACME', model: 'X1', assetVersion: '2.0', supportEndsOn: '2030-03-31', position: 0 }],
    duties: [
      { ...base, id: dGov, code: 'GOV-1', title: { ja: '運用責任者の選任', en: 'Appoint an operations lead' }, description: { ja: '説明', en: 'Description' }, phase: 'normal', category: 'governance', appliesTo: [], concerns: [], kakuninhyoPart: 1, order: 1, references: [{ document: 'mhlw-gl6-ops', section: '§3' }], catalogVersion: null, notApplicableReason: null },
      { ...base, id: dPatch, code: 'VUL-1', title: { ja: 'パッチ適用', en: 'Apply patches' }, description: { ja: '説明', en: 'Description' }, phase: 'normal', category: 'vulnerability', appliesTo: ['server'], concerns: ['patch_management'], kakuninhyoPart: 2, order: 10, references: [{ document: 'mhlw-gl6-ops', section: '§8.2', note: '脆弱性' }], catalogVersion: null, notApplicableReason: null },
      { ...base, id: dNa, code: 'BCP-9', title: { ja: '対象外の項目', en: 'Out of scope' }, description: { ja: '説明', en: 'Description' }, phase: 'emergency', category: 'business_continuity', appliesTo: [], concerns: [], kakuninhyoPart: 2, order: 20, references: [{ document: 'mhlw-gl6-ops', section: '§12' }], catalogVersion: null, notApplicableReason: '本契約の範囲外' },
    ],
    cells: [
      { id: id(idPrefix, 7), dutyId: dGov, assetId: null, status: 'agreed', assignment: { [hospital]: ['A', 'R'] }, terms: EMPTY_TERMS, notApplicableReason: null, kickoff: { firstCheckAnswer: 'yes', firstCheckOn: '2025-04-01', completedOn: '2025-04-10', notes: '' }, proposedAssignment: null },
      { id: id(idPrefix, 8), dutyId: dPatch, assetId: server, status: 'agreed', assignment: { [vendor]: ['R'], [hospital]: ['I', 'A'] }, terms: { responseTime: '30日以内', frequency: '月次', evidence: '作業報告書', remarks: '' }, notApplicableReason: null, kickoff: EMPTY_KICKOFF, proposedAssignment: null },
      { id: id(idPrefix, 9), dutyId: dNa, assetId: null, status: 'not_applicable', assignment: null, terms: EMPTY_TERMS, notApplicableReason: '本契約の範囲外', kickoff: EMPTY_KICKOFF, proposedAssignment: null },
    ],
    today: '2025-04-01',
  };
};
