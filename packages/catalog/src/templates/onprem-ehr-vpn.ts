import { suggester } from './authoring.ts';
import type { TCatalogTemplateInput } from './schema.ts';

type P = 'hospital' | 'ehr_vendor' | 'network_vendor' | 'vpn_owner';
type A =
  | 'vpn'
  | 'line'
  | 'core-switch'
  | 'ehr-server'
  | 'ehr-os'
  | 'ehr-app'
  | 'terminals'
  | 'backup-nas'
  | 'backup-offline'
  | 'rm-account';
const s = suggester<P, A>();
const ALL_VENDORS_R = { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R', vpn_owner: 'R' } as const;
const HOSPITAL_LEADS = { hospital: 'RA', ehr_vendor: 'C', network_vendor: 'C', vpn_owner: 'C' } as const;

/**
 * On-premises EHR maintained remotely over a VPN appliance that a remote-maintenance
 * provider brought in. Deliberately leaves the VPN appliance's patching without an
 * accountable party — the gap behind the 2021–2022 ransomware incidents.
 */
export const onpremEhrVpn: TCatalogTemplateInput = {
  code: 'onprem-ehr-vpn',
  title: { ja: 'オンプレミス電子カルテ（VPNリモート保守）', en: 'On-premises EHR with VPN remote maintenance' },
  description: {
    ja: '院内サーバで電子カルテを運用し、電子カルテベンダーがリモート保守事業者の設置したVPN装置経由で保守する構成。院内LANはネットワーク事業者が保守する。VPN装置のパッチ適用は誰の責任か未定のまま残し、最初に並べてある。VPN装置のサポート終了日は作成日の5か月後としてある。',
    en: 'An EHR running on in-house servers, maintained by the EHR vendor through a VPN appliance installed by a remote-maintenance provider; the in-house LAN is maintained by a network vendor. Who is accountable for patching the VPN appliance is deliberately left open and comes first; the appliance reaches end of support five months after the engagement is created.',
  },
  systemName: '電子カルテシステム',
  serviceModel: 'on_prem',
  provisionPattern: 'prime_with_subcontractors',
  parties: [
    { key: 'hospital', role: 'hospital', displayName: { ja: '病院', en: 'Hospital' } },
    { key: 'ehr_vendor', role: 'ehr_vendor', displayName: { ja: '電子カルテベンダー', en: 'EHR vendor' } },
    { key: 'network_vendor', role: 'network_vendor', displayName: { ja: 'ネットワーク事業者', en: 'Network vendor' } },
    { key: 'vpn_owner', role: 'vpn_owner', displayName: { ja: 'リモート保守回線事業者', en: 'Remote-maintenance VPN provider' } },
  ],
  assets: [
    { key: 'vpn', name: 'リモート保守用VPN装置', category: 'vpn_appliance', ownerPartyKey: 'vpn_owner', vendor: 'Fortinet', model: 'FortiGate 60F', assetVersion: 'FortiOS 7.2', supportEndsOn: { monthsFromCreation: 5 } },
    { key: 'line', name: 'インターネット回線（リモート保守用）', category: 'internet_line', ownerPartyKey: 'hospital', vendor: 'NTT東日本', model: 'フレッツ光ネクスト', assetVersion: '', supportEndsOn: null },
    { key: 'core-switch', name: '院内LANコアスイッチ', category: 'network_device', ownerPartyKey: 'hospital', vendor: 'Cisco', model: 'Catalyst 9300', assetVersion: 'IOS XE 17.9', supportEndsOn: null },
    { key: 'ehr-server', name: '電子カルテサーバ', category: 'server', ownerPartyKey: 'hospital', vendor: 'Dell Technologies', model: 'PowerEdge R750', assetVersion: '', supportEndsOn: { monthsFromCreation: 40 } },
    { key: 'ehr-os', name: '電子カルテサーバOS', category: 'os', ownerPartyKey: 'hospital', vendor: 'Microsoft', model: 'Windows Server 2019 Standard', assetVersion: '1809', supportEndsOn: { monthsFromCreation: 25 } },
    { key: 'ehr-app', name: '電子カルテアプリケーション', category: 'application', ownerPartyKey: 'ehr_vendor', vendor: '電子カルテベンダー', model: '電子カルテシステム（オンプレミス版）', assetVersion: '10.2', supportEndsOn: null },
    { key: 'terminals', name: '電子カルテ端末（クライアントPC 120台）', category: 'client_terminal', ownerPartyKey: 'hospital', vendor: 'NEC', model: 'Mate タイプME', assetVersion: 'Windows 11 Enterprise 24H2', supportEndsOn: { monthsFromCreation: 10 } },
    { key: 'backup-nas', name: 'バックアップ装置（NAS・日次取得）', category: 'backup_media', ownerPartyKey: 'hospital', vendor: 'Synology', model: 'RackStation RS822+', assetVersion: 'DSM 7.2', supportEndsOn: null },
    { key: 'backup-offline', name: 'オフライン保管用バックアップ媒体（LTOテープ）', category: 'backup_media', ownerPartyKey: 'hospital', vendor: '', model: 'LTO-8 カートリッジ', assetVersion: '', supportEndsOn: null },
    { key: 'rm-account', name: 'リモート保守用アカウント（電子カルテサーバ）', category: 'account', ownerPartyKey: 'hospital', vendor: '', model: '', assetVersion: '', supportEndsOn: null },
  ],
  dutyCodes: [
    'GOV-01', 'GOV-02', 'GOV-03', 'GOV-05', 'CON-01', 'CON-02', 'CON-03', 'CON-04', 'CON-06', 'CON-07',
    'CRD-01', 'CRD-02', 'CRD-03', 'CRD-04', 'CRD-05', 'CRD-07', 'AUD-01', 'AUD-02', 'AUD-03', 'EDU-01',
    'EDU-02', 'EDU-03', 'AST-01', 'AST-02', 'AST-03', 'AST-04', 'AST-05', 'AST-06', 'PHY-01', 'PHY-02',
    'PHY-03', 'VUL-01', 'VUL-02', 'VUL-03', 'VUL-04', 'VUL-05', 'VUL-06', 'VUL-08', 'VUL-09', 'VUL-10',
    'VUL-11', 'VUL-12', 'VUL-13', 'VUL-14', 'ACC-01', 'ACC-02', 'ACC-03', 'ACC-04', 'ACC-06', 'AUTH-01',
    'AUTH-02', 'RMT-01', 'RMT-02', 'RMT-03', 'RMT-04', 'RMT-05', 'RMT-06', 'RMT-07', 'NET-01', 'NET-02',
    'NET-03', 'NET-04', 'NET-05', 'NET-06', 'BKP-01', 'BKP-02', 'BKP-03', 'BKP-04', 'BKP-05', 'BKP-06',
    'LOG-01', 'LOG-02', 'LOG-03', 'LOG-04', 'LOG-05', 'MON-01', 'MON-02', 'INC-01', 'INC-02', 'INC-03',
    'INC-04', 'INC-05', 'INC-06', 'INC-07', 'INC-08', 'INC-09', 'INC-10', 'INC-11', 'INC-12', 'BCP-01',
    'BCP-02', 'BCP-03', 'BCP-04', 'BCP-05', 'BCP-06', 'DAT-01', 'DAT-02', 'DAT-03', 'DAT-05', 'DAT-06',
    'DSP-01', 'DSP-02', 'DSP-03', 'DSP-04', 'DSP-05', 'GOV-06', 'DAT-07', 'DAT-08', 'DAT-09', 'DAT-11',
    'DAT-12', 'DAT-13', 'AST-07', 'VUL-17', 'NET-09', 'NET-11', 'NET-12', 'AUTH-06', 'DAT-15', 'INC-13',
  ],
  leadingDutyCodes: ['VUL-02'],
  openCells: [
    {
      dutyCode: 'VUL-02',
      assetKey: 'vpn',
      reason: {
        ja: 'この雛形の論点。VPN装置はリモート保守回線事業者の所有だが、ファームウェア更新を誰が実施し誰が責任を負うかが契約で決まっていないことが多く、ランサムウェア被害の入口になってきた。交渉で最初に決める。',
        en: 'The question this template is about. The VPN appliance belongs to the remote-maintenance provider, but contracts often leave open who applies its firmware updates and who is accountable — the way in for ransomware. Settle it first.',
      },
    },
    {
      dutyCode: 'VUL-12',
      reason: {
        ja: '脆弱性診断の実施者・範囲・費用負担は契約ごとに大きく異なるため、雛形では決めない。',
        en: 'Who runs security assessments, on what scope and at whose cost varies widely between contracts, so the template does not decide it.',
      },
    },
    {
      dutyCode: 'VUL-14',
      assetKey: 'terminals',
      reason: {
        ja: '端末の更新（買換え）は病院の予算と端末更新計画で決まり、調達先も電子カルテベンダーとは限らないため、雛形では決めない。',
        en: 'Replacing terminals depends on the hospital’s budget and renewal plan, and they are not always bought from the EHR vendor, so the template does not decide it.',
      },
    },
    {
      dutyCode: 'BKP-05',
      assetKey: 'backup-nas',
      reason: {
        ja: 'NASは院外に持ち出さない想定のため、該当しなければ対象外として理由を記す。持ち出す運用なら分担を決める。',
        en: 'The NAS is not expected to leave the building: mark the cell not applicable with the reason, or agree the split if it does travel.',
      },
    },
    {
      dutyCode: 'BCP-06',
      reason: {
        ja: '非常時用の臨時システムを用意するかは病院の予算判断のため、雛形では決めない。',
        en: 'Whether to prepare a temporary system for emergencies is the hospital’s budget decision, so the template does not decide it.',
      },
    },
  ],
  suggestions: [
    // Part1 — the hospital leads
    s('GOV-01', { hospital: 'RA', ehr_vendor: 'R', network_vendor: 'R', vpn_owner: 'R' }, { terms: { remarks: '各社の責任者・窓口を書面で通知し、交代時は再通知する' } }),
    s('GOV-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('GOV-03', HOSPITAL_LEADS),
    s('GOV-05', { hospital: 'RA', ehr_vendor: 'C', network_vendor: 'I', vpn_owner: 'I' }),
    s('CON-01', HOSPITAL_LEADS),
    s('CON-02', ALL_VENDORS_R, { terms: { frequency: '契約前および製品の版数変更時', evidence: 'MDS/SDS、サービス仕様適合開示書' } }),
    s('CON-03', HOSPITAL_LEADS, { terms: { evidence: 'ISMS認証書またはプライバシーマーク登録証の写し' } }),
    s('CRD-05', HOSPITAL_LEADS),
    s('AST-01', HOSPITAL_LEADS, { terms: { frequency: '機器の設置・変更・撤去の都度', remarks: '事業者は変更後1か月以内に台帳更新情報を提出' } }),
    s('AST-03', { hospital: 'RA', ehr_vendor: 'C', network_vendor: 'C' }, { terms: { frequency: '年1回' } }),
    s('RMT-01', HOSPITAL_LEADS),
    s('ACC-04', { hospital: 'RA', ehr_vendor: 'C' }),
    s('PHY-03', { hospital: 'RA', ehr_vendor: 'C' }, { terms: { remarks: '無操作10分で画面ロック' } }),
    s('DAT-02', { hospital: 'RA' }),
    s('DAT-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('DSP-05', { hospital: 'RA', ehr_vendor: 'C' }),
    s('INC-01', HOSPITAL_LEADS, { terms: { frequency: '変更の都度・年1回見直し', evidence: '連絡体制図' } }),
    s('BCP-01', HOSPITAL_LEADS),
    s('BCP-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('INC-03', HOSPITAL_LEADS, { terms: { responseTime: '事態把握後速やかに第一報', remarks: '事業者は報告に必要な技術情報を提供する' } }),
    s('EDU-01', { hospital: 'RA', ehr_vendor: 'C' }, { terms: { frequency: '年1回以上' } }),
    s('AUD-01', { hospital: 'RA', ehr_vendor: 'C' }),
    // Part2 — common items
    s('CON-06', { hospital: 'A', ehr_vendor: 'R', vpn_owner: 'R' }),
    s('CON-07', ALL_VENDORS_R),
    s('CON-04', { hospital: 'RA', ehr_vendor: 'R' }),
    s('DAT-01', { hospital: 'A', ehr_vendor: 'R', vpn_owner: 'R' }),
    s('AUD-03', { hospital: 'A', ehr_vendor: 'R' }, { terms: { frequency: '年1回' } }),
    // Inter-vendor coordination
    s('CRD-01', ALL_VENDORS_R),
    s('CRD-02', { hospital: 'I', ehr_vendor: 'RA', vpn_owner: 'R' }, { terms: { remarks: 'リモート保守回線事業者は電子カルテベンダーの再委託先' } }),
    s('CRD-03', ALL_VENDORS_R, { terms: { responseTime: '原則10営業日前までに通知' } }),
    s('CRD-04', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C', vpn_owner: 'C' }, { terms: { responseTime: '受付後1時間以内に一次回答（24時間365日）' } }),
    // Assets and configuration
    s('AST-02', { hospital: 'A', network_vendor: 'R', ehr_vendor: 'R', vpn_owner: 'C' }),
    s('AST-04', ALL_VENDORS_R),
    s('AST-05', { hospital: 'A', ehr_vendor: 'R' }),
    s('AST-06', { hospital: 'RA', ehr_vendor: 'R' }),
    s('DAT-05', { hospital: 'A', ehr_vendor: 'R' }),
    // Vulnerabilities and EoS — note: no suggestion for VUL-02 on the VPN appliance
    s('VUL-01', { hospital: 'A', ehr_vendor: 'R' }, { terms: { responseTime: '重大な脆弱性は把握後1営業日以内に通知' } }),
    s('VUL-01', { hospital: 'A', vpn_owner: 'R', ehr_vendor: 'I' }, { asset: 'vpn' }),
    s('VUL-01', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('VUL-03', { hospital: 'A', network_vendor: 'R' }),
    s('VUL-04', { hospital: 'A', ehr_vendor: 'R' }, { terms: { frequency: '月次（緊急のものは随時）', evidence: 'パッチ適用報告書' } }),
    s('VUL-05', { hospital: 'A', ehr_vendor: 'R' }),
    s('VUL-06', { hospital: 'A', ehr_vendor: 'R' }, { terms: { frequency: '月次（電子カルテの動作確認後）' } }),
    s('VUL-08', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C', vpn_owner: 'C' }),
    s('VUL-09', { hospital: 'A', ehr_vendor: 'R' }),
    s('VUL-10', { hospital: 'A', ehr_vendor: 'R' }),
    s('VUL-11', { hospital: 'A', ehr_vendor: 'R' }),
    s('VUL-11', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('VUL-11', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('VUL-13', { hospital: 'A', ehr_vendor: 'R' }, { terms: { responseTime: 'サポート終了日の判明後1か月以内に書面で通知' } }),
    s('VUL-13', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('VUL-13', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('VUL-14', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-server' }),
    s('VUL-14', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-os' }),
    s('VUL-14', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-app' }),
    s('VUL-14', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('VUL-14', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    // Access control and authentication
    s('ACC-01', { hospital: 'RA', ehr_vendor: 'C' }),
    s('ACC-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('ACC-02', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-os' }),
    s('ACC-03', { hospital: 'RA', ehr_vendor: 'C' }, { terms: { frequency: '半年に1回' } }),
    s('ACC-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('AUTH-01', { hospital: 'A', ehr_vendor: 'R' }),
    s('AUTH-02', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-app' }),
    s('AUTH-02', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    // Remote maintenance
    s('RMT-02', { hospital: 'A', vpn_owner: 'R', ehr_vendor: 'C' }, { asset: 'vpn' }),
    s('RMT-02', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'rm-account' }),
    s('RMT-03', { hospital: 'A', ehr_vendor: 'R', vpn_owner: 'I' }, { terms: { responseTime: '原則作業の3営業日前までに申請', evidence: '作業申請書' } }),
    s('RMT-04', { hospital: 'A', ehr_vendor: 'R', vpn_owner: 'C' }, { terms: { responseTime: '作業終了後3営業日以内に報告', evidence: '作業報告書・接続ログ' } }),
    s('RMT-05', { hospital: 'A', vpn_owner: 'R', ehr_vendor: 'C' }),
    s('RMT-06', { hospital: 'A', ehr_vendor: 'R', vpn_owner: 'R' }),
    s('RMT-07', { hospital: 'A', ehr_vendor: 'R' }),
    // Network
    s('NET-01', { hospital: 'A', network_vendor: 'R', vpn_owner: 'C' }),
    s('NET-02', { hospital: 'A', network_vendor: 'R' }),
    s('NET-03', { hospital: 'A', vpn_owner: 'R', network_vendor: 'C' }),
    s('NET-04', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('NET-04', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('NET-05', { hospital: 'A', network_vendor: 'R' }),
    s('NET-06', { hospital: 'RA', network_vendor: 'C', vpn_owner: 'I' }),
    // Backups (BKP-05 on the NAS is left open; see openCells)
    s('BKP-01', { hospital: 'A', ehr_vendor: 'R' }),
    s('BKP-02', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'backup-nas', terms: { frequency: '日次・7世代' } }),
    s('BKP-02', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'backup-offline', terms: { frequency: '週次で媒体を交換し施錠保管' } }),
    s('BKP-03', { hospital: 'A', ehr_vendor: 'R' }, { terms: { frequency: '年1回の復元訓練', evidence: '復元訓練記録' } }),
    s('BKP-04', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'backup-nas' }),
    s('BKP-04', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'backup-offline' }),
    s('BKP-05', { hospital: 'RA' }, { asset: 'backup-offline' }),
    s('BKP-06', { hospital: 'A', ehr_vendor: 'R' }),
    // Logs and monitoring
    s('LOG-01', { hospital: 'A', ehr_vendor: 'R' }, { terms: { frequency: '月次レビュー' } }),
    s('LOG-02', { hospital: 'A', ehr_vendor: 'R' }),
    s('LOG-03', { hospital: 'A', vpn_owner: 'R', ehr_vendor: 'C' }, { terms: { frequency: '月次レビュー', evidence: 'VPN接続ログ' } }),
    s('LOG-04', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-server' }),
    s('LOG-04', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('LOG-04', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('LOG-05', ALL_VENDORS_R),
    s('MON-01', { hospital: 'A', ehr_vendor: 'R' }),
    s('MON-02', ALL_VENDORS_R, { terms: { frequency: '月次' } }),
    s('AUD-02', ALL_VENDORS_R, { terms: { frequency: '毎年度' } }),
    // Physical, education
    s('PHY-01', { hospital: 'RA', ehr_vendor: 'C' }),
    s('PHY-02', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'ehr-server' }),
    s('PHY-02', { hospital: 'RA', network_vendor: 'C' }, { asset: 'core-switch' }),
    s('PHY-02', { hospital: 'RA', vpn_owner: 'C' }, { asset: 'vpn' }),
    s('EDU-02', { hospital: 'A', ehr_vendor: 'R' }),
    s('EDU-03', ALL_VENDORS_R),
    // Incident response
    s('INC-02', ALL_VENDORS_R, { terms: { responseTime: '検知後1時間以内に電話で第一報（24時間365日）' } }),
    s('INC-04', { hospital: 'A', vpn_owner: 'R', network_vendor: 'C' }, { asset: 'vpn', terms: { responseTime: '病院の指示後30分以内に遮断' } }),
    s('INC-04', { hospital: 'RA', network_vendor: 'C' }, { asset: 'line' }),
    s('INC-05', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'ehr-server' }),
    s('INC-05', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'terminals' }),
    s('INC-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('INC-07', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C', vpn_owner: 'C' }),
    s('INC-08', { hospital: 'A', ehr_vendor: 'R', vpn_owner: 'R', network_vendor: 'C' }),
    s('INC-09', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C', vpn_owner: 'C' }),
    s('INC-10', ALL_VENDORS_R),
    s('INC-11', { hospital: 'A', ehr_vendor: 'R' }),
    s('INC-12', { hospital: 'RA', ehr_vendor: 'C' }),
    // Continuity (BCP-06 is left open; see openCells)
    s('BCP-03', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C', vpn_owner: 'C' }),
    s('BCP-04', { hospital: 'RA', ehr_vendor: 'R', network_vendor: 'C', vpn_owner: 'C' }, { terms: { frequency: '年1回' } }),
    s('BCP-05', { hospital: 'A', ehr_vendor: 'R' }),
    // Contract end
    s('DAT-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('DSP-01', { hospital: 'A', ehr_vendor: 'R' }, { terms: { evidence: 'データ消去証明書' } }),
    s('DSP-02', { hospital: 'A', ehr_vendor: 'R' }),
    s('DSP-02', { hospital: 'RA' }, { asset: 'backup-offline' }),
    s('DSP-02', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('DSP-02', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('DSP-03', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('DSP-03', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'rm-account' }),
    s('CRD-07', { hospital: 'A', ehr_vendor: 'R' }),
    s('DSP-04', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('DSP-04', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    // Added with catalog 2026.2
    s('GOV-06', { hospital: 'RA', ehr_vendor: 'C' }),
    s('DAT-07', { hospital: 'RA', ehr_vendor: 'C' }),
    s('DAT-08', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-09', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-11', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-12', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-13', { hospital: 'A', ehr_vendor: 'R' }),
    s('AST-07', ALL_VENDORS_R, { terms: { frequency: '年1回' } }),
    s('VUL-17', { hospital: 'A', ehr_vendor: 'R' }),
    s('NET-09', { hospital: 'A', network_vendor: 'R' }),
    s('NET-11', { hospital: 'A', network_vendor: 'R', vpn_owner: 'R', ehr_vendor: 'C' }),
    s('NET-12', { hospital: 'A', network_vendor: 'R' }, { asset: 'core-switch' }),
    s('NET-12', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('NET-12', { hospital: 'RA', network_vendor: 'C' }, { asset: 'line' }),
    s('AUTH-06', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'rm-account' }),
    s('AUTH-06', { hospital: 'A', vpn_owner: 'R' }, { asset: 'vpn' }),
    s('DAT-15', { hospital: 'RA', ehr_vendor: 'C' }),
    s('INC-13', ALL_VENDORS_R),
  ],
};
