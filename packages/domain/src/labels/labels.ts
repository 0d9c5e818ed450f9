import type {
  TAssetCategory,
  TCellStatus,
  TDutyCategory,
  TFindingSeverity,
  TPartyRole,
  TPhase,
  TProvisionPattern,
  TRaciRole,
  TServiceModel,
} from '../model/enums.ts';
import type { TLocalized } from '../model/primitives.ts';

/**
 * The words of the domain as people read them — Japanese first, English
 * second — shared by the annex, the CSV/XLSX exchange and anything else that
 * prints a code for a person.
 */
export const RACI_LABELS: Record<TRaciRole, TLocalized> = {
  R: { ja: '実施', en: 'Responsible' },
  A: { ja: '責任', en: 'Accountable' },
  C: { ja: '協議', en: 'Consulted' },
  I: { ja: '報告', en: 'Informed' },
};

export const DUTY_CATEGORY_LABELS: Record<TDutyCategory, TLocalized> = {
  governance: { ja: 'ガバナンス・体制', en: 'Governance' },
  contract: { ja: '契約・合意', en: 'Contract' },
  asset_management: { ja: '資産管理', en: 'Asset management' },
  vulnerability: { ja: '脆弱性・パッチ管理', en: 'Vulnerabilities and patches' },
  access_control: { ja: 'アクセス制御', en: 'Access control' },
  authentication: { ja: '認証', en: 'Authentication' },
  remote_maintenance: { ja: 'リモートメンテナンス', en: 'Remote maintenance' },
  network: { ja: 'ネットワーク', en: 'Network' },
  backup: { ja: 'バックアップ', en: 'Backup' },
  logging: { ja: 'ログ管理', en: 'Logging' },
  monitoring: { ja: '監視', en: 'Monitoring' },
  incident_response: { ja: 'インシデント対応', en: 'Incident response' },
  business_continuity: { ja: '事業継続（BCP）', en: 'Business continuity' },
  physical: { ja: '物理的安全管理', en: 'Physical security' },
  data_handling: { ja: '情報の取扱い', en: 'Data handling' },
  education: { ja: '教育・訓練', en: 'Education and training' },
  coordination: { ja: '事業者間の連携', en: 'Inter-vendor coordination' },
  disposal: { ja: '廃棄・返却', en: 'Disposal and return' },
  audit: { ja: '監査', en: 'Audit' },
};

export const PHASE_LABELS: Record<TPhase, TLocalized> = {
  pre_contract: { ja: '契約前', en: 'Pre-contract' },
  normal: { ja: '平常時', en: 'Normal operation' },
  emergency: { ja: '非常時', en: 'Emergency' },
  contract_end: { ja: '契約終了時', en: 'Contract end' },
};

export const PARTY_ROLE_LABELS: Record<TPartyRole, TLocalized> = {
  hospital: { ja: '医療機関', en: 'Hospital' },
  ehr_vendor: { ja: '電子カルテ事業者', en: 'EHR vendor' },
  network_vendor: { ja: 'ネットワーク事業者', en: 'Network vendor' },
  vpn_owner: { ja: 'VPN装置提供事業者', en: 'VPN appliance owner' },
  cloud_provider: { ja: 'クラウドサービス事業者', en: 'Cloud provider' },
  maintenance_vendor: { ja: '保守事業者', en: 'Maintenance vendor' },
  device_maker: { ja: '医療機器製造販売業者', en: 'Device maker' },
  observer: { ja: 'オブザーバー', en: 'Observer' },
  other: { ja: 'その他', en: 'Other' },
};

export const ASSET_CATEGORY_LABELS: Record<TAssetCategory, TLocalized> = {
  vpn_appliance: { ja: 'VPN装置', en: 'VPN appliance' },
  network_device: { ja: 'ネットワーク機器', en: 'Network device' },
  internet_line: { ja: 'インターネット回線', en: 'Internet line' },
  server: { ja: 'サーバ', en: 'Server' },
  os: { ja: 'OS', en: 'Operating system' },
  application: { ja: 'アプリケーション', en: 'Application' },
  client_terminal: { ja: 'クライアント端末', en: 'Client terminal' },
  remote_access_software: { ja: 'リモートアクセスソフトウェア', en: 'Remote access software' },
  otp_token: { ja: 'ワンタイムパスワード', en: 'One-time password token' },
  backup_media: { ja: 'バックアップ媒体', en: 'Backup media' },
  cloud_service: { ja: 'クラウドサービス', en: 'Cloud service' },
  account: { ja: 'アカウント', en: 'Account' },
  medical_device: { ja: '医療機器', en: 'Medical device' },
  data: { ja: 'データ', en: 'Data' },
  other: { ja: 'その他', en: 'Other' },
};

export const SERVICE_MODEL_LABELS: Record<TServiceModel, TLocalized> = {
  on_prem: { ja: 'オンプレミス', en: 'On-premises' },
  saas: { ja: 'SaaS', en: 'SaaS' },
  paas: { ja: 'PaaS', en: 'PaaS' },
  iaas: { ja: 'IaaS', en: 'IaaS' },
  hybrid: { ja: 'ハイブリッド', en: 'Hybrid' },
};

export const PROVISION_PATTERN_LABELS: Record<TProvisionPattern, TLocalized> = {
  single_vendor: { ja: '単一事業者による提供', en: 'Single vendor' },
  prime_with_subcontractors: { ja: '元請事業者と再委託先による提供', en: 'Prime vendor with subcontractors' },
  separate_contracts: { ja: '医療機関が各事業者と個別に契約', en: 'Separate contracts per vendor' },
};

export const CELL_STATUS_LABELS: Record<TCellStatus, TLocalized> = {
  unassigned: { ja: '未割当', en: 'Unassigned' },
  proposed: { ja: '提案中', en: 'Proposed' },
  agreed: { ja: '合意済', en: 'Agreed' },
  disputed: { ja: '協議不調', en: 'Disputed' },
  not_applicable: { ja: '対象外', en: 'Not applicable' },
};

export const SEVERITY_LABELS: Record<TFindingSeverity, TLocalized> = {
  blocking: { ja: '要対応', en: 'Blocking' },
  warning: { ja: '注意', en: 'Warning' },
};

export const KAKUNINHYO_PART_LABELS: Record<1 | 2, TLocalized> = {
  1: { ja: 'Part1 主に医療機関が実施する項目', en: 'Part 1: items the hospital leads' },
  2: { ja: 'Part2 医療機関と事業者が共同で実施する項目', en: 'Part 2: items hospital and vendors settle together' },
};

export const FIRST_CHECK_LABELS = { yes: 'はい', no: 'いいえ' } as const;

