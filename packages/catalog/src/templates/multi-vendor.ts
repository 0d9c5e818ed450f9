import { suggester } from './authoring.ts';
import type { TCatalogTemplateInput } from './schema.ts';

type P = 'hospital' | 'ehr_vendor' | 'receipt_vendor' | 'network_vendor';
type A =
  | 'ehr-server'
  | 'ehr-os'
  | 'ehr-app'
  | 'receipt-server'
  | 'receipt-os'
  | 'receipt-app'
  | 'interface'
  | 'lan'
  | 'vpn'
  | 'line'
  | 'terminals'
  | 'backup'
  | 'accounts';
const s = suggester<P, A>();
const ALL_VENDORS_R = { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R', network_vendor: 'R' } as const;
const HOSPITAL_LEADS = { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C', network_vendor: 'C' } as const;
const EHR = { hospital: 'A', ehr_vendor: 'R' } as const;
const RECEIPT = { hospital: 'A', receipt_vendor: 'R' } as const;
const NETWORK = { hospital: 'A', network_vendor: 'R' } as const;
/** Where the two systems meet: the EHR vendor builds the interface, the receipt vendor is consulted. */
const INTERFACE = { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'C' } as const;

/** Split the same duty by which vendor's system each asset belongs to. */
function perSystem(code: string, ehrAssets: readonly A[], receiptAssets: readonly A[]) {
  return [
    ...ehrAssets.map((asset) => s(code, EHR, { asset })),
    ...receiptAssets.map((asset) => s(code, RECEIPT, { asset })),
  ];
}

/**
 * An existing receipt-computer (レセコン) vendor and a newly contracted EHR vendor,
 * each under a separate contract with the hospital, plus a network vendor. The
 * inter-vendor coordination duties carry the weight here.
 */
export const multiVendor: TCatalogTemplateInput = {
  code: 'multi-vendor',
  title: { ja: '複数事業者（既存レセコン＋新規電子カルテ）', en: 'Multi-vendor (existing receipt system + new EHR)' },
  description: {
    ja: '既存のレセコン（医事会計システム）事業者が稼働中の病院に、別の事業者の電子カルテを新規導入する構成。病院は各事業者と個別に契約し、事業者間の連携部分・変更調整・合同インシデント対応の分担を全員で取り決める。',
    en: 'A hospital whose receipt (medical accounting) system is run by an existing vendor brings in a new EHR from another vendor. The hospital contracts each vendor separately, and everyone agrees who owns the interfaces between the systems, change coordination and the lead in a joint incident response.',
  },
  systemName: '電子カルテ・医事会計システム',
  serviceModel: 'on_prem',
  provisionPattern: 'separate_contracts',
  parties: [
    { key: 'hospital', role: 'hospital', displayName: { ja: '病院', en: 'Hospital' } },
    { key: 'ehr_vendor', role: 'ehr_vendor', displayName: { ja: '電子カルテベンダー（新規）', en: 'EHR vendor (new)' } },
    { key: 'receipt_vendor', role: 'maintenance_vendor', displayName: { ja: 'レセコンベンダー（既存）', en: 'Receipt-system vendor (existing)' } },
    { key: 'network_vendor', role: 'network_vendor', displayName: { ja: 'ネットワーク事業者', en: 'Network vendor' } },
  ],
  assets: [
    { key: 'ehr-server', name: '電子カルテサーバ', category: 'server', ownerPartyKey: 'hospital', vendor: 'HPE', model: 'ProLiant DL380 Gen11', assetVersion: '', supportEndsOn: { monthsFromCreation: 40 } },
    { key: 'ehr-os', name: '電子カルテサーバOS', category: 'os', ownerPartyKey: 'hospital', vendor: 'Microsoft', model: 'Windows Server 2022 Standard', assetVersion: '21H2', supportEndsOn: { monthsFromCreation: 58 } },
    { key: 'ehr-app', name: '電子カルテシステム', category: 'application', ownerPartyKey: 'ehr_vendor', vendor: '電子カルテベンダー', model: '電子カルテシステム', assetVersion: '1.0', supportEndsOn: null },
    { key: 'receipt-server', name: 'レセコンサーバ', category: 'server', ownerPartyKey: 'hospital', vendor: '富士通', model: 'PRIMERGY TX1330', assetVersion: '', supportEndsOn: null },
    { key: 'receipt-os', name: 'レセコンサーバOS', category: 'os', ownerPartyKey: 'hospital', vendor: 'Microsoft', model: 'Windows Server 2016 Standard', assetVersion: '1607', supportEndsOn: { monthsFromCreation: 2 } },
    { key: 'receipt-app', name: 'レセプトコンピュータ（医事会計システム）', category: 'application', ownerPartyKey: 'receipt_vendor', vendor: 'レセコンベンダー', model: '医事会計システム', assetVersion: '8.4', supportEndsOn: null },
    { key: 'interface', name: '電子カルテ−レセコン連携インタフェース（共有フォルダ・連携モジュール）', category: 'application', ownerPartyKey: 'ehr_vendor', vendor: '電子カルテベンダー', model: '会計連携モジュール', assetVersion: '1.0', supportEndsOn: null },
    { key: 'lan', name: '院内LAN（コアスイッチ・無線LAN）', category: 'network_device', ownerPartyKey: 'hospital', vendor: 'アライドテレシス', model: 'x930 シリーズ', assetVersion: '', supportEndsOn: null },
    { key: 'vpn', name: 'レセコン保守用VPNルータ', category: 'vpn_appliance', ownerPartyKey: 'receipt_vendor', vendor: 'ヤマハ', model: 'RTX1210', assetVersion: 'Rev.14', supportEndsOn: null },
    { key: 'line', name: 'インターネット回線', category: 'internet_line', ownerPartyKey: 'hospital', vendor: 'NTT東日本', model: 'フレッツ光ネクスト', assetVersion: '', supportEndsOn: null },
    { key: 'terminals', name: '端末（電子カルテ・医事共用 80台）', category: 'client_terminal', ownerPartyKey: 'hospital', vendor: '富士通', model: 'ESPRIMO', assetVersion: 'Windows 11 Enterprise 24H2', supportEndsOn: { monthsFromCreation: 10 } },
    { key: 'backup', name: 'バックアップ装置・媒体（NAS＋外付けHDDローテーション）', category: 'backup_media', ownerPartyKey: 'hospital', vendor: '', model: 'NAS / 外付けHDD', assetVersion: '', supportEndsOn: null },
    { key: 'accounts', name: '保守用アカウント（各事業者）', category: 'account', ownerPartyKey: 'hospital', vendor: '', model: '', assetVersion: '', supportEndsOn: null },
  ],
  dutyCodes: [
    'GOV-01', 'GOV-02', 'GOV-03', 'GOV-05', 'CON-01', 'CON-02', 'CON-03', 'CON-04', 'CON-06', 'CON-07',
    'CRD-01', 'CRD-02', 'CRD-03', 'CRD-04', 'CRD-05', 'CRD-06', 'CRD-07', 'AUD-01', 'AUD-02', 'AUD-03',
    'EDU-01', 'EDU-02', 'EDU-03', 'AST-01', 'AST-02', 'AST-03', 'AST-04', 'AST-05', 'AST-06', 'PHY-01',
    'PHY-02', 'PHY-03', 'VUL-01', 'VUL-02', 'VUL-03', 'VUL-04', 'VUL-05', 'VUL-06', 'VUL-08', 'VUL-09',
    'VUL-10', 'VUL-11', 'VUL-12', 'VUL-13', 'VUL-14', 'ACC-01', 'ACC-02', 'ACC-03', 'ACC-04', 'ACC-06',
    'AUTH-01', 'AUTH-02', 'RMT-01', 'RMT-02', 'RMT-03', 'RMT-04', 'RMT-05', 'RMT-06', 'RMT-07', 'NET-01',
    'NET-02', 'NET-03', 'NET-04', 'NET-05', 'NET-06', 'BKP-01', 'BKP-02', 'BKP-03', 'BKP-04', 'BKP-06',
    'LOG-01', 'LOG-02', 'LOG-03', 'LOG-04', 'LOG-05', 'MON-01', 'MON-02', 'INC-01', 'INC-02', 'INC-03',
    'INC-04', 'INC-05', 'INC-06', 'INC-07', 'INC-08', 'INC-09', 'INC-10', 'INC-11', 'INC-12', 'BCP-01',
    'BCP-02', 'BCP-03', 'BCP-04', 'BCP-05', 'BCP-06', 'DAT-01', 'DAT-02', 'DAT-03', 'DAT-05', 'DAT-06',
    'DSP-01', 'DSP-02', 'DSP-03', 'DSP-04', 'DSP-05',
  ],
  openCells: [
    {
      dutyCode: 'VUL-14',
      assetKey: 'receipt-server',
      reason: {
        ja: 'この構成の論点。レセコンサーバとOSはサポート終了が近いが、既存レセコン事業者の更新で置き換えるか、新規電子カルテの導入に合わせて統合するかは病院の判断と両社の提案次第のため、雛形では決めない。',
        en: 'The question of this setup: the receipt server and its OS near end of support, and whether the existing vendor replaces them or they are merged into the new EHR rollout depends on the hospital and both vendors’ proposals, so the template does not decide it.',
      },
    },
    {
      dutyCode: 'VUL-14',
      assetKey: 'receipt-os',
      reason: {
        ja: 'レセコンサーバと同じ論点（サーバとOSは一緒に更新することが多い）。',
        en: 'Same question as the receipt server (server and OS are usually renewed together).',
      },
    },
    {
      dutyCode: 'ACC-06',
      assetKey: 'interface',
      reason: {
        ja: '連携インタフェースの非常時アカウントの扱いは、連携方式（共有フォルダか連携モジュールか）がCRD-01で決まるまで決められない。',
        en: 'Emergency accounts on the interface cannot be settled until CRD-01 decides the interface method (shared folder or interface module).',
      },
    },
    {
      dutyCode: 'AUTH-02',
      assetKey: 'interface',
      reason: {
        ja: '連携インタフェースの二要素認証は、連携方式がCRD-01で決まるまで決められない（利用者が直接ログインしない方式もある）。',
        en: 'Two-factor authentication on the interface cannot be settled until CRD-01 decides the interface method (some methods have no user log-in).',
      },
    },
  ],
  suggestions: [
    // Part1 — the hospital leads
    s('GOV-01', { hospital: 'RA', ehr_vendor: 'R', receipt_vendor: 'R', network_vendor: 'R' }),
    s('GOV-02', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('GOV-03', HOSPITAL_LEADS),
    s('GOV-05', HOSPITAL_LEADS),
    s('CON-01', HOSPITAL_LEADS),
    s('CON-02', ALL_VENDORS_R),
    s('CON-03', HOSPITAL_LEADS),
    s('CRD-05', { hospital: 'RA', receipt_vendor: 'R', ehr_vendor: 'C' }, { terms: { remarks: '既存のレセコン保守契約を見直し、連携部分の分担を追記する' } }),
    s('AST-01', HOSPITAL_LEADS),
    s('AST-03', HOSPITAL_LEADS),
    s('RMT-01', HOSPITAL_LEADS),
    s('ACC-04', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('PHY-03', { hospital: 'RA' }),
    s('DAT-02', { hospital: 'RA' }),
    s('DAT-03', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('DSP-05', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('INC-01', HOSPITAL_LEADS),
    s('BCP-01', HOSPITAL_LEADS),
    s('BCP-02', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('INC-03', HOSPITAL_LEADS),
    s('EDU-01', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('AUD-01', HOSPITAL_LEADS),
    // Part2 — common items
    s('CON-06', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('CON-07', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('CON-04', { hospital: 'RA', ehr_vendor: 'R', receipt_vendor: 'C' }),
    s('DAT-01', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('AUD-03', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    // Inter-vendor coordination: all suggested, with terms
    s('CRD-01', ALL_VENDORS_R, { terms: { remarks: '連携方式・データ項目・障害時の切り分け点を連携仕様書に記載し、3社で合意する' } }),
    s('CRD-02', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R', network_vendor: 'R' }),
    s('CRD-03', ALL_VENDORS_R, { terms: { responseTime: '連携に影響する変更は原則20営業日前までに関係事業者へ通知', evidence: '変更連絡票' } }),
    s('CRD-04', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R', network_vendor: 'C' }, { terms: { responseTime: '受付後1時間以内に一次回答', remarks: '一次窓口は電子カルテベンダー。会計連携の障害はレセコンベンダーへ即時エスカレーション' } }),
    s('CRD-06', INTERFACE),
    s('CRD-06', EHR, { asset: 'ehr-app' }),
    s('CRD-06', RECEIPT, { asset: 'receipt-app' }),
    // Assets and configuration
    s('AST-02', { hospital: 'A', network_vendor: 'R', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('AST-04', ALL_VENDORS_R),
    ...perSystem('AST-05', ['ehr-server', 'ehr-os', 'ehr-app', 'interface'], ['receipt-server', 'receipt-os', 'receipt-app']),
    s('AST-06', INTERFACE, { asset: 'interface' }),
    ...perSystem('AST-06', ['ehr-app'], ['receipt-app']),
    ...perSystem('DAT-05', ['ehr-app', 'interface'], ['receipt-app']),
    // Vulnerabilities and EoS (the receipt server's replacement before Windows Server 2016 EoS is left open)
    ...perSystem('VUL-01', ['ehr-server', 'ehr-os', 'ehr-app', 'interface', 'terminals'], ['receipt-server', 'receipt-os', 'receipt-app', 'vpn']),
    s('VUL-01', NETWORK, { asset: 'lan' }),
    s('VUL-02', RECEIPT, { terms: { responseTime: '重大な脆弱性は公表後72時間以内に適用または代替策', evidence: 'ファームウェア適用報告' } }),
    s('VUL-03', NETWORK),
    ...perSystem('VUL-04', ['ehr-server', 'ehr-os'], ['receipt-server', 'receipt-os']),
    ...perSystem('VUL-05', ['ehr-app', 'interface'], ['receipt-app']),
    s('VUL-06', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'C' }, { terms: { remarks: '両システムの動作確認後に配信' } }),
    s('VUL-08', ALL_VENDORS_R),
    ...perSystem('VUL-09', ['ehr-server', 'terminals'], ['receipt-server']),
    ...perSystem('VUL-10', ['ehr-server', 'terminals'], ['receipt-server']),
    ...perSystem('VUL-11', ['ehr-server'], ['receipt-server', 'vpn']),
    s('VUL-11', NETWORK, { asset: 'lan' }),
    s('VUL-12', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C', network_vendor: 'C' }),
    ...perSystem('VUL-13', ['ehr-server', 'ehr-os', 'ehr-app', 'interface', 'terminals'], ['receipt-server', 'receipt-os', 'receipt-app', 'vpn']),
    s('VUL-13', NETWORK, { asset: 'lan' }),
    ...perSystem('VUL-14', ['ehr-server', 'ehr-os', 'ehr-app', 'interface', 'terminals'], ['receipt-app', 'vpn']),
    s('VUL-14', NETWORK, { asset: 'lan' }),
    // Access control and authentication
    s('ACC-01', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'ehr-app' }),
    s('ACC-01', { hospital: 'RA', receipt_vendor: 'C' }, { asset: 'receipt-app' }),
    s('ACC-01', INTERFACE, { asset: 'interface' }),
    s('ACC-02', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    ...perSystem('ACC-02', ['ehr-os'], ['receipt-os']),
    s('ACC-03', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    ...perSystem('ACC-06', ['ehr-app'], ['receipt-app']),
    ...perSystem('AUTH-01', ['ehr-app', 'interface'], ['receipt-app']),
    ...perSystem('AUTH-02', ['ehr-app'], ['receipt-app', 'vpn']),
    // Remote maintenance over the receipt vendor's VPN router
    s('RMT-02', RECEIPT, { asset: 'vpn', terms: { remarks: '電子カルテベンダーが同じVPNを使う場合も専用アカウントを発行する' } }),
    s('RMT-02', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }, { asset: 'accounts' }),
    s('RMT-03', { hospital: 'A', receipt_vendor: 'R', ehr_vendor: 'R' }),
    s('RMT-04', { hospital: 'A', receipt_vendor: 'R', ehr_vendor: 'R' }),
    s('RMT-05', { hospital: 'A', receipt_vendor: 'R', network_vendor: 'C' }),
    s('RMT-06', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('RMT-07', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    // Network
    s('NET-01', { hospital: 'A', network_vendor: 'R', receipt_vendor: 'C' }),
    s('NET-02', NETWORK, { terms: { remarks: '電子カルテ・医事系とインターネット接続系を分離' } }),
    s('NET-03', { hospital: 'A', receipt_vendor: 'R', network_vendor: 'C' }),
    s('NET-04', NETWORK),
    s('NET-05', NETWORK),
    s('NET-06', { hospital: 'RA', network_vendor: 'C' }),
    // Backups
    s('BKP-01', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('BKP-02', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }, { terms: { frequency: '日次・3世代以上、うち1世代を外付けHDDでオフライン保管' } }),
    s('BKP-03', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }, { terms: { frequency: '年1回の合同復元訓練' } }),
    s('BKP-04', { hospital: 'RA', ehr_vendor: 'C' }),
    ...perSystem('BKP-06', ['ehr-server'], ['receipt-server']),
    // Logs and monitoring
    ...perSystem('LOG-01', ['ehr-server', 'ehr-app', 'interface'], ['receipt-server', 'receipt-app']),
    ...perSystem('LOG-02', ['ehr-server', 'ehr-app', 'interface'], ['receipt-server', 'receipt-app']),
    s('LOG-03', RECEIPT),
    ...perSystem('LOG-04', ['ehr-server'], ['receipt-server', 'vpn']),
    s('LOG-04', NETWORK, { asset: 'lan' }),
    s('LOG-05', ALL_VENDORS_R),
    ...perSystem('MON-01', ['ehr-server'], ['receipt-server']),
    s('MON-02', ALL_VENDORS_R),
    s('AUD-02', ALL_VENDORS_R),
    // Physical, education
    s('PHY-01', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    s('PHY-02', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C', network_vendor: 'C' }),
    ...perSystem('EDU-02', ['ehr-app', 'interface'], ['receipt-app']),
    s('EDU-03', ALL_VENDORS_R),
    // Incident response: the joint response is led by the EHR vendor
    s('INC-02', ALL_VENDORS_R, { terms: { responseTime: '検知後1時間以内に病院と他の2社へ第一報' } }),
    s('INC-04', RECEIPT, { asset: 'vpn' }),
    s('INC-04', { hospital: 'RA', network_vendor: 'C' }, { asset: 'line' }),
    ...perSystem('INC-05', ['ehr-server'], ['receipt-server']),
    s('INC-05', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'terminals' }),
    ...perSystem('INC-06', ['ehr-app', 'interface'], ['receipt-app']),
    s('INC-07', ALL_VENDORS_R),
    s('INC-08', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R', network_vendor: 'C' }),
    s('INC-09', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'C', network_vendor: 'C' }, { terms: { remarks: '電子カルテベンダーが対策会議を招集し、各社の作業を調整する' } }),
    s('INC-10', ALL_VENDORS_R),
    s('INC-11', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('INC-12', { hospital: 'RA' }),
    // Continuity
    s('BCP-03', ALL_VENDORS_R),
    s('BCP-04', { hospital: 'RA', ehr_vendor: 'R', receipt_vendor: 'R', network_vendor: 'C' }),
    ...perSystem('BCP-05', ['ehr-app', 'interface'], ['receipt-app']),
    s('BCP-06', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }),
    // Contract end
    s('DAT-06', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    s('DSP-01', { hospital: 'A', ehr_vendor: 'R', receipt_vendor: 'R' }),
    ...perSystem('DSP-02', ['ehr-server', 'terminals'], ['receipt-server', 'vpn']),
    s('DSP-02', NETWORK, { asset: 'lan' }),
    s('DSP-02', { hospital: 'RA' }, { asset: 'backup' }),
    s('DSP-03', RECEIPT, { asset: 'vpn' }),
    s('DSP-03', { hospital: 'RA', ehr_vendor: 'C', receipt_vendor: 'C' }, { asset: 'accounts' }),
    s('CRD-07', { hospital: 'A', receipt_vendor: 'R', ehr_vendor: 'R' }, { terms: { remarks: 'レセコン更新時は既存事業者がデータ形式を開示し移行に協力する' } }),
    s('DSP-04', RECEIPT, { asset: 'vpn' }),
    s('DSP-04', NETWORK, { asset: 'lan' }),
  ],
};
