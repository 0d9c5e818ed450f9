import type { TAssetCategory, TDutyDefinition, TPartyRole } from '../../packages/domain/src/index.ts';
import type { CellVariety } from './variety.ts';

/**
 * The shape of a benchmark engagement. `reference` is the "large hospital" of
 * the product brief (8 parties, 60 assets, 150 duties, ~3,600 cells, ~50k
 * events, 5 revisions); `stress` is ten times its assets, cells and events
 * with the same parties and duties; `tiny` is a smoke-test size. Their cells are settled as hospitals settle them
 * (alike per duty and asset category, about one in ten deviating); `reference_worst` is the reference engagement
 * with every cell drawn on its own, the worst case for the annex.
 */
export type DatasetSpec = {
  name: 'tiny' | 'reference' | 'stress' | 'reference_worst';
  /** `realistic`: like cells settled alike per duty and asset category, ~1 in 10 deviating; `per_cell`: every cell differs (worst case). */
  cellVariety: CellVariety;
  /** Assets per category before the open amendment (全資産 − amendmentAssets). */
  assetsPerCategory: Partial<Record<TAssetCategory, number>>;
  /** Assets added after the last revision, whose cells are still being negotiated (改定協議中). */
  amendmentAssets: number;
  /**
   * Catalog duties taken: every asset-scoped one, then engagement-wide ones in
   * 確認表 order up to this total; custom duties (院内独自項目) are added on top.
   */
  catalogDuties: number;
  customDuties: number;
  /** Events the generator aims for (it stops adding discussion once reached). */
  targetEvents: number;
  revisions: number;
  seed: number;
};

/** Reference distribution: a large acute-care hospital with many departmental systems (部門システム). */
const REFERENCE_ASSETS: Partial<Record<TAssetCategory, number>> = {
  application: 18,
  server: 12,
  os: 4,
  client_terminal: 5,
  network_device: 5,
  vpn_appliance: 2,
  remote_access_software: 2,
  cloud_service: 3,
  medical_device: 2,
  backup_media: 1,
  account: 1,
  internet_line: 1,
};

const times = (m: Partial<Record<TAssetCategory, number>>, k: number) =>
  Object.fromEntries(Object.entries(m).map(([c, n]) => [c, (n ?? 0) * k])) as Partial<Record<TAssetCategory, number>>;

export const DATASETS: Record<DatasetSpec['name'], DatasetSpec> = {
  tiny: {
    name: 'tiny',
    assetsPerCategory: { application: 1, server: 1, vpn_appliance: 1 },
    amendmentAssets: 1,
    catalogDuties: 70,
    customDuties: 2,
    targetEvents: 600,
    revisions: 2,
    seed: 7,
    cellVariety: 'realistic',
  },
  reference: { name: 'reference', assetsPerCategory: REFERENCE_ASSETS, amendmentAssets: 4, catalogDuties: 95, customDuties: 55, targetEvents: 50_000, revisions: 5, seed: 42, cellVariety: 'realistic' },
  reference_worst: {
    name: 'reference_worst',
    assetsPerCategory: REFERENCE_ASSETS,
    amendmentAssets: 4,
    catalogDuties: 95,
    customDuties: 55,
    targetEvents: 50_000,
    revisions: 5,
    seed: 42,
    cellVariety: 'per_cell',
  },
  stress: { name: 'stress', assetsPerCategory: times(REFERENCE_ASSETS, 10), amendmentAssets: 40, catalogDuties: 95, customDuties: 55, targetEvents: 500_000, revisions: 5, seed: 4242, cellVariety: 'realistic' },
};

/** The eight parties (当事者) of the reference engagement; every one has joined. */
export const PARTY_SPECS: readonly { role: TPartyRole; org: string; display: string; kind: 'hospital' | 'vendor' }[] = [
  { role: 'hospital', org: '県立中央医療センター', display: '県立中央医療センター 情報システム課', kind: 'hospital' },
  { role: 'ehr_vendor', org: 'あおば電子カルテ株式会社', display: 'あおば電子カルテ', kind: 'vendor' },
  { role: 'network_vendor', org: 'みなとネットワークサービス株式会社', display: 'みなとネットワーク', kind: 'vendor' },
  { role: 'vpn_owner', org: 'ひかりリモート保守株式会社', display: 'ひかりリモート保守', kind: 'vendor' },
  { role: 'cloud_provider', org: 'そらクラウド株式会社', display: 'そらクラウド', kind: 'vendor' },
  { role: 'maintenance_vendor', org: 'さくら医療システム保守株式会社', display: 'さくら保守', kind: 'vendor' },
  { role: 'device_maker', org: 'つばさメディカル機器株式会社', display: 'つばさメディカル', kind: 'vendor' },
  { role: 'observer', org: '監査法人みどり', display: '監査法人みどり（監査）', kind: 'vendor' },
];

/** Which vendor role usually does the work for an asset category (its likely R 実施). */
export const WORKER_ROLE: Record<TAssetCategory, TPartyRole> = {
  vpn_appliance: 'vpn_owner',
  remote_access_software: 'vpn_owner',
  otp_token: 'vpn_owner',
  network_device: 'network_vendor',
  internet_line: 'network_vendor',
  server: 'maintenance_vendor',
  os: 'maintenance_vendor',
  application: 'ehr_vendor',
  client_terminal: 'maintenance_vendor',
  backup_media: 'maintenance_vendor',
  cloud_service: 'cloud_provider',
  account: 'ehr_vendor',
  medical_device: 'device_maker',
  data: 'ehr_vendor',
  other: 'maintenance_vendor',
};

/** Asset names per category, numbered when the list runs out. */
export const ASSET_NAMES: Record<TAssetCategory, readonly string[]> = {
  application: ['電子カルテ', 'オーダリング', '医事会計', 'PACS', '検体検査', '薬剤部門', '看護支援', '手術部門', '放射線RIS', '給食', '物流SPD', '透析部門', 'リハビリ部門', '健診', '病理部門', '地域連携'],
  server: ['電子カルテDBサーバ', '電子カルテAPサーバ', 'PACSストレージ', '仮想基盤ホスト', '部門システム統合サーバ', 'ファイルサーバ', '認証サーバ', 'ログ収集サーバ', 'バックアップサーバ', '連携サーバ'],
  os: ['Windows Server 2022', 'Red Hat Enterprise Linux 9', 'Windows 11 Enterprise', 'VMware ESXi 8', 'Ubuntu 22.04 LTS'],
  client_terminal: ['外来診察端末', '病棟端末', '医事窓口端末', '検査室端末', '薬剤部端末', '放射線読影端末'],
  network_device: ['コアスイッチ', 'フロアスイッチ', '院内ファイアウォール', '無線LANコントローラ', '部門間ルータ'],
  vpn_appliance: ['リモート保守用VPN装置', '拠点間VPN装置'],
  remote_access_software: ['リモート保守ソフト', '画面共有ツール'],
  cloud_service: ['クラウド型予約システム', 'クラウド型文書管理'],
  medical_device: ['CT装置', 'MRI装置', '生体情報モニタ'],
  backup_media: ['LTOテープ（オフライン世代）', '遠隔地バックアップ'],
  account: ['特権管理者アカウント'],
  internet_line: ['インターネット回線'],
  otp_token: ['ワンタイムパスワードトークン'],
  data: ['診療データ'],
  other: ['その他機器'],
};

const HW: TAssetCategory[] = ['server', 'network_device', 'vpn_appliance', 'client_terminal', 'medical_device'];
const SW: TAssetCategory[] = ['os', 'application', 'remote_access_software', 'cloud_service'];
const SYSTEMS: TAssetCategory[] = ['application', 'server', 'os', 'cloud_service'];

type CustomSeed = { ja: string; en: string; appliesTo: TAssetCategory[]; phase?: TDutyDefinition['phase']; category?: TDutyDefinition['category'] };

/** The hospital's own clauses on top of the catalog (院内独自項目), cycled and numbered. */
const CUSTOM: readonly CustomSeed[] = [
  { ja: '構成管理台帳（CMDB）の更新', en: 'Keep the configuration register (CMDB) up to date', appliesTo: [...HW, ...SW, 'backup_media', 'account', 'otp_token'] },
  { ja: '保守作業の事前申請と承認', en: 'Request and approve maintenance work in advance', appliesTo: [...HW, ...SW] },
  { ja: '作業報告書の提出', en: 'Submit work reports', appliesTo: [...HW, ...SW] },
  { ja: '障害時の一次切り分け', en: 'First-line fault isolation', appliesTo: [...HW, ...SW], phase: 'emergency', category: 'incident_response' },
  { ja: '定期点検の実施', en: 'Periodic inspection', appliesTo: [...HW, ...SW] },
  { ja: '設定変更の承認と記録', en: 'Approve and record configuration changes', appliesTo: [...HW, ...SW] },
  { ja: '保守部品の確保', en: 'Keep spare parts available', appliesTo: HW },
  { ja: 'サーバ証明書の更新管理', en: 'Manage server certificate renewal', appliesTo: [...SYSTEMS, 'network_device', 'vpn_appliance'] },
  { ja: '時刻同期の確認', en: 'Check time synchronisation', appliesTo: [...HW, ...SW] },
  { ja: 'ウイルス対策ソフトの定義更新確認', en: 'Check antivirus signature updates', appliesTo: ['server', 'os', 'client_terminal'] },
  { ja: '脆弱性診断の実施', en: 'Run vulnerability assessments', appliesTo: [...HW, ...SW], category: 'vulnerability' },
  { ja: '構成変更後の動作確認', en: 'Verify operation after configuration changes', appliesTo: [...HW, ...SW] },
  { ja: '運用手順書の整備', en: 'Maintain operating procedures', appliesTo: [...HW, ...SW] },
  { ja: '利用者からの問い合わせ対応', en: 'Answer user enquiries', appliesTo: ['application', 'client_terminal', 'cloud_service'] },
  { ja: '稼働監視とアラート通知', en: 'Monitor operation and send alerts', appliesTo: [...HW, ...SW], category: 'monitoring' },
  { ja: '容量・性能の定期報告', en: 'Report capacity and performance regularly', appliesTo: [...SYSTEMS, 'network_device', 'client_terminal'], category: 'monitoring' },
  { ja: '停電・計画停止時の停止・起動', en: 'Shut down and restart for outages and planned stops', appliesTo: HW, phase: 'emergency', category: 'business_continuity' },
  { ja: '機器の設置場所と入退室管理', en: 'Device location and room access control', appliesTo: HW, category: 'physical' },
  { ja: 'ファームウェア更新の適用', en: 'Apply firmware updates', appliesTo: HW, category: 'vulnerability' },
  { ja: 'ログの保全と提出', en: 'Preserve and hand over logs', appliesTo: [...HW, ...SW], category: 'logging' },
  { ja: 'バックアップ取得状況の確認', en: 'Check that backups were taken', appliesTo: [...SYSTEMS, 'network_device', 'backup_media'], category: 'backup' },
  { ja: '保守契約とサポート期限の管理', en: 'Track maintenance contracts and support end dates', appliesTo: [...HW, ...SW], category: 'contract' },
  { ja: 'アクセス権限の棚卸し', en: 'Review access rights', appliesTo: [...SYSTEMS, 'network_device', 'vpn_appliance', 'account'], category: 'access_control' },
  { ja: 'インシデント発生時の第一報', en: 'First report when an incident occurs', appliesTo: [...HW, ...SW], phase: 'emergency', category: 'incident_response' },
  { ja: 'データ移行時の整合性確認', en: 'Check data consistency after migrations', appliesTo: ['application', 'server', 'cloud_service'], phase: 'contract_end', category: 'data_handling' },
];

/** `n` custom duties (院内独自項目): cycled from the list above, codes `BK-001…`. */
export const customDutyDefinitions = (n: number): TDutyDefinition[] =>
  Array.from({ length: n }, (_, i) => {
    const s = CUSTOM[i % CUSTOM.length]!;
    const round = Math.floor(i / CUSTOM.length);
    // The second round is the same clause for nights and holidays (夜間・休日帯), which hospitals contract separately.
    const suffix = round === 0 ? '' : round === 1 ? '（夜間・休日帯）' : `（第${round + 1}系統）`;
    return {
      code: `BK-${String(i + 1).padStart(3, '0')}`,
      title: { ja: `${s.ja}${suffix}`, en: `${s.en}${round === 0 ? '' : round === 1 ? ' (nights and holidays)' : ` (line ${round + 1})`}` },
      description: {
        ja: `${s.ja}について、担当する当事者が手順に従って実施し、結果を記録して病院の企画管理者に報告する。`,
        en: `${s.en}: the responsible party carries it out by the agreed procedure, records the result and reports to the hospital.`,
      },
      phase: s.phase ?? 'normal',
      category: s.category ?? 'asset_management',
      appliesTo: s.appliesTo,
      concerns: [],
      kakuninhyoPart: 2,
      order: 5000 + i,
      references: [{ document: 'mhlw-gl6-ops', section: '§3', note: '院内独自項目 (hospital-specific clause)' }],
    };
  });
