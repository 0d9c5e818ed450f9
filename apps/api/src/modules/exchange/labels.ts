import {
  ASSET_CATEGORIES,
  CONCERN_LABELS,
  DUTY_CATEGORIES,
  DUTY_CONCERNS,
  PHASES,
  type TAssetCategory,
  type TCellStatus,
  type TDutyCategory,
  type TLocalized,
  type TPhase,
} from '@bunkai/domain';

/**
 * Japanese labels written into exports, worded as in the annex
 * (packages/docx/src/labels.ts), and read back by imports next to the codes.
 */
export const PHASE_LABELS: Record<TPhase, TLocalized> = {
  pre_contract: { ja: '契約前', en: 'Pre-contract' },
  normal: { ja: '平常時', en: 'Normal operation' },
  emergency: { ja: '非常時', en: 'Emergency' },
  contract_end: { ja: '契約終了時', en: 'Contract end' },
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

export const CELL_STATUS_LABELS: Record<TCellStatus, string> = {
  unassigned: '未割当',
  proposed: '提案中',
  agreed: '合意済',
  disputed: '協議不調',
  not_applicable: '対象外',
};

export const FIRST_CHECK_LABELS = { yes: 'はい', no: 'いいえ' } as const;

/** Engagement-wide cells have no asset; the 確認表 calls that 全体. */
export const ENGAGEMENT_WIDE_LABEL = '全体';

/** Case-, width- and spacing-insensitive key for matching headers and labels. */
export const normalizeKey = (s: string): string =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

/** code, Japanese label or English label → code. */
const lookup = <T extends string>(codes: readonly T[], labels: Record<T, TLocalized>) => {
  const map = new Map<string, T>();
  for (const c of codes) for (const k of [c, labels[c].ja, labels[c].en]) map.set(normalizeKey(k), c);
  return (value: string): T | undefined => map.get(normalizeKey(value));
};

export const phaseFrom = lookup(PHASES, PHASE_LABELS);
export const dutyCategoryFrom = lookup(DUTY_CATEGORIES, DUTY_CATEGORY_LABELS);
export const assetCategoryFrom = lookup(ASSET_CATEGORIES, ASSET_CATEGORY_LABELS);
export const concernFrom = lookup(DUTY_CONCERNS, CONCERN_LABELS);
