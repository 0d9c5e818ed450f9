import { suggester } from './authoring.ts';
import type { TCatalogTemplateInput } from './schema.ts';

type P = 'hospital' | 'ehr_vendor' | 'cloud_provider' | 'network_vendor';
type A = 'saas' | 'iaas' | 'line' | 'router' | 'terminals' | 'terminal-os' | 'remote-support' | 'otp' | 'accounts' | 'export-backup';
const s = suggester<P, A>();
const HOSPITAL_LEADS = { hospital: 'RA', ehr_vendor: 'C', network_vendor: 'C' } as const;
/** The SaaS provider answers for the infrastructure it runs on; the cloud provider does the work. */
const SAAS_OVER_IAAS = { ehr_vendor: 'A', cloud_provider: 'R', hospital: 'I' } as const;

/**
 * Cloud EHR (SaaS) on a public cloud, split as in Henry's slides 24–27 and 36: the hospital
 * contracts each vendor itself and holds the line, terminals, OS, the remote-support software
 * and its one-time session password; the SaaS provider runs the service on a cloud provider
 * it subcontracts. Who maintains the remote-support software's accounts is a point to settle.
 */
export const cloudEhrSaas: TCatalogTemplateInput = {
  code: 'cloud-ehr-saas',
  title: { ja: 'クラウド型電子カルテ（SaaS）', en: 'Cloud EHR (SaaS)' },
  description: {
    ja: 'クラウド型電子カルテを利用する構成。病院がSaaS事業者・ネットワーク事業者とそれぞれ契約し、SaaS事業者はクラウド基盤事業者を再委託先として運用する。病院はインターネット回線、端末とOS、リモートサポート用ソフトウェアと、それが病院端末に表示する接続用ワンタイムパスワードを自ら管理する。リモートサポート用ソフトウェアのアカウント管理は協議して決める。',
    en: 'A cloud EHR used as SaaS. The hospital contracts the SaaS provider and the network vendor separately; the SaaS provider runs the service on a cloud infrastructure provider it subcontracts. The hospital manages the internet line, the terminals and their OS, the remote-support software and the one-time session password it shows on the hospital PC; who maintains the remote-support software’s accounts is to be settled.',
  },
  systemName: 'クラウド型電子カルテ',
  serviceModel: 'saas',
  provisionPattern: 'separate_contracts',
  parties: [
    { key: 'hospital', role: 'hospital', displayName: { ja: '病院', en: 'Hospital' } },
    { key: 'ehr_vendor', role: 'ehr_vendor', displayName: { ja: 'クラウド電子カルテ事業者（SaaS）', en: 'Cloud EHR provider (SaaS)' } },
    { key: 'cloud_provider', role: 'cloud_provider', displayName: { ja: 'クラウド基盤事業者（IaaS・SaaS事業者の再委託先）', en: 'Cloud infrastructure provider (IaaS, subcontracted by the SaaS provider)' } },
    { key: 'network_vendor', role: 'network_vendor', displayName: { ja: 'ネットワーク事業者', en: 'Network vendor' } },
  ],
  assets: [
    { key: 'saas', name: 'クラウド型電子カルテサービス', category: 'cloud_service', ownerPartyKey: 'ehr_vendor', vendor: 'クラウド電子カルテ事業者', model: 'クラウド電子カルテ', assetVersion: '継続的に更新', supportEndsOn: null },
    { key: 'iaas', name: 'クラウド基盤（仮想サーバ・ストレージ、東京リージョン）', category: 'server', ownerPartyKey: 'cloud_provider', vendor: 'Google Cloud', model: 'Compute Engine / Cloud SQL', assetVersion: '', supportEndsOn: null },
    { key: 'line', name: 'インターネット回線（光回線・ISP）', category: 'internet_line', ownerPartyKey: 'hospital', vendor: 'NTT東日本', model: 'フレッツ 光クロス', assetVersion: '', supportEndsOn: null },
    { key: 'router', name: '院内ルータ・無線LANアクセスポイント', category: 'network_device', ownerPartyKey: 'hospital', vendor: 'ヤマハ', model: 'RTX1300 / WLX222', assetVersion: '', supportEndsOn: null },
    { key: 'terminals', name: '診療用端末（ノートPC 15台）', category: 'client_terminal', ownerPartyKey: 'hospital', vendor: 'Lenovo', model: 'ThinkPad L14', assetVersion: '', supportEndsOn: null },
    { key: 'terminal-os', name: '端末OS', category: 'os', ownerPartyKey: 'hospital', vendor: 'Microsoft', model: 'Windows 11 Pro', assetVersion: '25H2', supportEndsOn: { monthsFromCreation: 10 } },
    { key: 'remote-support', name: 'リモートサポート用ソフトウェア', category: 'remote_access_software', ownerPartyKey: 'hospital', vendor: 'TeamViewer', model: 'TeamViewer QuickSupport', assetVersion: '15', supportEndsOn: null },
    { key: 'otp', name: 'リモートサポート接続用ワンタイムパスワード（セッションパスワード）', category: 'otp_token', ownerPartyKey: 'hospital', vendor: 'TeamViewer', model: 'リモートサポート用ソフトウェアが病院端末に表示する一回限りのパスワード', assetVersion: '', supportEndsOn: null },
    { key: 'accounts', name: '電子カルテ利用者アカウント（病院管理分）', category: 'account', ownerPartyKey: 'hospital', vendor: '', model: '', assetVersion: '', supportEndsOn: null },
    { key: 'export-backup', name: '院内保管用バックアップ（データエクスポート・外付けHDD）', category: 'backup_media', ownerPartyKey: 'hospital', vendor: '', model: '外付けHDD（暗号化対応）', assetVersion: '', supportEndsOn: null },
  ],
  dutyCodes: [
    'GOV-01', 'GOV-02', 'GOV-03', 'GOV-04', 'GOV-05', 'CON-01', 'CON-02', 'CON-03', 'CON-04', 'CON-06',
    'CON-07', 'CRD-01', 'CRD-02', 'CRD-03', 'CRD-04', 'CRD-06', 'CRD-07', 'AUD-01', 'AUD-02', 'AUD-03',
    'EDU-01', 'EDU-02', 'EDU-03', 'AST-01', 'AST-02', 'AST-03', 'AST-04', 'PHY-01', 'PHY-02', 'PHY-03',
    'VUL-01', 'VUL-03', 'VUL-04', 'VUL-06', 'VUL-07', 'VUL-08', 'VUL-09', 'VUL-10', 'VUL-11', 'VUL-13',
    'VUL-14', 'VUL-16', 'ACC-01', 'ACC-02', 'ACC-03', 'ACC-04', 'ACC-05', 'ACC-06', 'AUTH-01', 'AUTH-02',
    'AUTH-03', 'RMT-01', 'RMT-02', 'RMT-03', 'RMT-04', 'RMT-05', 'RMT-06', 'RMT-07', 'RMT-08', 'NET-01',
    'NET-02', 'NET-04', 'NET-05', 'NET-06', 'NET-07', 'BKP-01', 'BKP-02', 'BKP-03', 'BKP-04', 'BKP-06',
    'LOG-01', 'LOG-02', 'LOG-03', 'LOG-04', 'LOG-05', 'MON-01', 'MON-02', 'INC-01', 'INC-02', 'INC-03',
    'INC-04', 'INC-05', 'INC-06', 'INC-07', 'INC-08', 'INC-09', 'INC-10', 'INC-11', 'INC-12', 'BCP-01',
    'BCP-02', 'BCP-03', 'BCP-04', 'BCP-05', 'BCP-06', 'DAT-01', 'DAT-02', 'DAT-03', 'DAT-04', 'DAT-05',
    'DAT-06', 'DSP-01', 'DSP-02', 'DSP-03', 'DSP-04', 'DSP-05', 'GOV-06', 'DAT-07', 'DAT-08', 'DAT-11',
    'DAT-12', 'DAT-13', 'AST-07', 'NET-11', 'AUTH-06', 'INC-13', 'BKP-07',
  ],
  openCells: [
    {
      dutyCode: 'RMT-02',
      assetKey: 'remote-support',
      reason: {
        ja: 'リモートサポート用ソフトウェアのユーザ・パスワードを誰が発行・管理するかは、ヘンリー資料（slide 24）で検討すべき点として挙げられ、割り当てられていない。協議して決める。',
        en: 'Who issues and keeps the remote-support software’s users and passwords is listed in Henry’s slides (slide 24) as a point to settle, not assigned. Agree it between the parties.',
      },
    },
    {
      dutyCode: 'AUTH-06',
      assetKey: 'remote-support',
      reason: {
        ja: 'リモートサポート用ソフトウェアのアカウントの管理者が決まっていないため（RMT-02と同じ論点）、使い回し防止の分担も合わせて決める。',
        en: 'The remote-support software’s accounts have no agreed keeper yet (the same point as RMT-02), so who prevents password reuse there is settled together with it.',
      },
    },
    {
      dutyCode: 'VUL-14',
      assetKey: 'terminal-os',
      reason: {
        ja: '端末OSの更新・買換えの時期と費用は病院の端末更新計画で決まるため、雛形では決めない。SaaS事業者は対応OS版数を案内する（VUL-04）。',
        en: 'When and at whose cost the terminal OS is upgraded or replaced depends on the hospital’s renewal plan, so the template does not decide it; the SaaS provider announces the supported OS versions (VUL-04).',
      },
    },
    {
      dutyCode: 'INC-09',
      reason: {
        ja: '複数事業者が関わるインシデントで誰が全体を指揮するかは、病院の体制と各社の契約範囲によるため、雛形では決めない。',
        en: 'Who leads a response involving several vendors depends on the hospital’s organisation and each contract’s scope, so the template does not decide it.',
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
    s('GOV-01', { hospital: 'RA', ehr_vendor: 'R', network_vendor: 'R' }),
    s('GOV-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('GOV-03', HOSPITAL_LEADS),
    s('GOV-05', { hospital: 'RA', ehr_vendor: 'R' }, { terms: { remarks: 'SaaS事業者が運用管理規程の雛形を提供し、病院の既存規程とすり合わせる' } }),
    s('CON-01', HOSPITAL_LEADS),
    s('CON-02', { hospital: 'A', ehr_vendor: 'R' }, { terms: { evidence: 'SDS、サービス仕様適合開示書' } }),
    s('CON-03', { hospital: 'RA', ehr_vendor: 'C' }, { terms: { evidence: 'ISMS認証書（クラウド基盤事業者の認証を含む）' } }),
    s('AST-01', HOSPITAL_LEADS),
    s('AST-03', { hospital: 'RA', network_vendor: 'C' }),
    s('RMT-01', HOSPITAL_LEADS),
    s('ACC-04', { hospital: 'RA', ehr_vendor: 'C' }),
    s('PHY-03', { hospital: 'RA' }, { terms: { remarks: 'リモートサポート中もOTPが見られないよう画面をロックする' } }),
    s('DAT-02', { hospital: 'RA' }),
    s('DAT-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('DSP-05', { hospital: 'RA', ehr_vendor: 'C' }),
    s('INC-01', HOSPITAL_LEADS),
    s('BCP-01', HOSPITAL_LEADS),
    s('BCP-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('INC-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('EDU-01', { hospital: 'RA', ehr_vendor: 'C' }, { terms: { remarks: 'MIST等の既存教材を活用' } }),
    s('AUD-01', { hospital: 'RA', ehr_vendor: 'C' }),
    // Part2 — common items
    s('CON-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('CON-07', { hospital: 'A', ehr_vendor: 'R' }, { terms: { remarks: '導入キックオフ時にリスク対応一覧を説明' } }),
    s('CON-04', { hospital: 'RA', ehr_vendor: 'R' }),
    s('GOV-04', { hospital: 'A', ehr_vendor: 'R', cloud_provider: 'C' }),
    s('DAT-01', { hospital: 'A', ehr_vendor: 'R', cloud_provider: 'C' }),
    s('AUD-03', { hospital: 'A', ehr_vendor: 'R', cloud_provider: 'C' }),
    // Inter-vendor coordination
    s('CRD-01', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    s('CRD-02', { hospital: 'I', ehr_vendor: 'RA', cloud_provider: 'R' }),
    s('CRD-03', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    s('CRD-04', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C' }),
    s('CRD-06', { hospital: 'A', ehr_vendor: 'R' }),
    // Assets and configuration
    s('AST-02', { hospital: 'A', network_vendor: 'R', ehr_vendor: 'C' }),
    s('AST-04', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    s('DAT-05', { hospital: 'A', ehr_vendor: 'R' }),
    // Vulnerabilities and EoS (VUL-14 on the terminal OS is left open; see openCells)
    s('VUL-01', { hospital: 'RA', network_vendor: 'C' }),
    s('VUL-01', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('VUL-01', { hospital: 'A', network_vendor: 'R' }, { asset: 'router' }),
    s('VUL-03', { hospital: 'A', network_vendor: 'R' }),
    s('VUL-04', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('VUL-04', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'terminal-os', terms: { remarks: 'SaaS事業者は対応ブラウザ・OS版数を事前に案内する' } }),
    s('VUL-06', { hospital: 'RA', ehr_vendor: 'C' }),
    s('VUL-07', { hospital: 'RA', ehr_vendor: 'C' }),
    s('VUL-08', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C' }),
    s('VUL-09', { ehr_vendor: 'RA', cloud_provider: 'C' }, { asset: 'iaas' }),
    s('VUL-09', { hospital: 'RA' }, { asset: 'terminals' }),
    s('VUL-10', { ehr_vendor: 'RA', cloud_provider: 'C' }, { asset: 'iaas' }),
    s('VUL-10', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'terminals' }),
    s('VUL-11', { hospital: 'A', network_vendor: 'R' }, { asset: 'router' }),
    s('VUL-11', { ehr_vendor: 'RA', cloud_provider: 'R' }, { asset: 'iaas' }),
    s('VUL-13', { hospital: 'RA', ehr_vendor: 'C' }),
    s('VUL-13', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('VUL-13', { hospital: 'A', network_vendor: 'R' }, { asset: 'router' }),
    s('VUL-14', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('VUL-14', { hospital: 'A', network_vendor: 'R' }, { asset: 'router' }),
    s('VUL-14', { hospital: 'RA' }, { asset: 'terminals' }),
    s('VUL-14', { hospital: 'RA' }, { asset: 'remote-support' }),
    s('VUL-16', { hospital: 'I', ehr_vendor: 'RA', cloud_provider: 'C' }),
    // Access control and authentication
    s('ACC-01', { hospital: 'RA', ehr_vendor: 'C' }),
    s('ACC-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('ACC-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('ACC-05', { ehr_vendor: 'RA', hospital: 'I' }),
    s('ACC-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('AUTH-01', { hospital: 'A', ehr_vendor: 'R' }),
    s('AUTH-02', { hospital: 'A', ehr_vendor: 'R' }, { asset: 'saas' }),
    s('AUTH-02', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'remote-support' }),
    s('AUTH-03', { hospital: 'RA', ehr_vendor: 'I' }, { terms: { remarks: '接続用ワンタイムパスワードは接続する事業者にだけ伝え、複数の事業者に提供しない。端末を離れるときは画面をロックする' } }),
    // Remote support
    s('RMT-02', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'accounts' }),
    s('RMT-03', { hospital: 'A', ehr_vendor: 'R' }),
    s('RMT-04', { hospital: 'A', ehr_vendor: 'R' }),
    s('RMT-05', { hospital: 'RA', ehr_vendor: 'C' }, { terms: { remarks: 'リモートサポート終了後はソフトウェアを終了する' } }),
    s('RMT-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('RMT-07', { hospital: 'A', ehr_vendor: 'R' }),
    s('RMT-08', { hospital: 'RA', ehr_vendor: 'R' }, { terms: { responseTime: '計画保守は7日前までに通知' } }),
    // Network
    s('NET-01', { hospital: 'RA', network_vendor: 'R', ehr_vendor: 'C' }),
    s('NET-02', { hospital: 'A', network_vendor: 'R' }),
    s('NET-04', { hospital: 'A', network_vendor: 'R' }),
    s('NET-05', { hospital: 'A', network_vendor: 'R' }),
    s('NET-06', { hospital: 'RA', network_vendor: 'C' }),
    s('NET-07', { ehr_vendor: 'RA', hospital: 'C' }),
    // Backups
    s('BKP-01', { hospital: 'A', ehr_vendor: 'R' }, { terms: { remarks: 'SaaS側のバックアップ世代・保存場所・復旧目標をSLAに明記' } }),
    s('BKP-02', { hospital: 'RA', ehr_vendor: 'C' }),
    s('BKP-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('BKP-04', { hospital: 'RA' }),
    s('BKP-06', SAAS_OVER_IAAS),
    // Logs and monitoring
    s('LOG-01', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'saas', terms: { frequency: '月次レビュー（ログ閲覧機能はSaaS事業者が提供）' } }),
    s('LOG-01', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('LOG-02', { ehr_vendor: 'RA', hospital: 'I' }, { asset: 'saas' }),
    s('LOG-02', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('LOG-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('LOG-04', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('LOG-04', { hospital: 'A', network_vendor: 'R' }, { asset: 'router' }),
    s('LOG-05', { hospital: 'A', ehr_vendor: 'R' }),
    s('MON-01', { ehr_vendor: 'RA', hospital: 'I' }, { asset: 'saas' }),
    s('MON-01', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('MON-02', { hospital: 'A', ehr_vendor: 'R' }, { terms: { frequency: '月次' } }),
    s('AUD-02', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    // Physical, education
    s('PHY-01', SAAS_OVER_IAAS),
    s('PHY-02', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('PHY-02', { hospital: 'RA', network_vendor: 'C' }, { asset: 'router' }),
    s('EDU-02', { hospital: 'A', ehr_vendor: 'R' }),
    s('EDU-03', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    // Incident response (INC-09 is left open; see openCells)
    s('INC-02', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }, { terms: { responseTime: '検知後1時間以内に第一報' } }),
    s('INC-04', { hospital: 'RA', network_vendor: 'C' }),
    s('INC-05', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('INC-05', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'terminals' }),
    s('INC-06', { hospital: 'A', ehr_vendor: 'R' }),
    s('INC-07', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C', cloud_provider: 'C' }),
    s('INC-08', { hospital: 'A', ehr_vendor: 'R' }),
    s('INC-10', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    s('INC-11', { hospital: 'RA', ehr_vendor: 'C' }),
    s('INC-12', { hospital: 'RA' }),
    // Continuity (BCP-06 is left open; see openCells)
    s('BCP-03', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'C' }),
    s('BCP-04', { hospital: 'RA', ehr_vendor: 'C' }),
    s('BCP-05', { hospital: 'A', ehr_vendor: 'R' }),
    // Data handling and contract end
    s('DAT-04', { ehr_vendor: 'RA', cloud_provider: 'R', hospital: 'I' }),
    s('DAT-06', { hospital: 'A', ehr_vendor: 'R' }, { terms: { remarks: '標準形式（またはCSV等）で返却' } }),
    s('DSP-01', { hospital: 'A', ehr_vendor: 'R', cloud_provider: 'R' }, { terms: { evidence: 'データ消去証明書' } }),
    s('DSP-02', { hospital: 'RA' }),
    s('DSP-02', SAAS_OVER_IAAS, { asset: 'iaas' }),
    s('DSP-02', { hospital: 'A', network_vendor: 'R' }, { asset: 'router' }),
    s('DSP-03', { hospital: 'RA', ehr_vendor: 'C' }),
    s('CRD-07', { hospital: 'A', ehr_vendor: 'R' }),
    s('DSP-04', { hospital: 'A', network_vendor: 'R' }),
    // Added with catalog 2026.2
    s('GOV-06', { hospital: 'RA', ehr_vendor: 'C' }),
    s('DAT-07', { hospital: 'RA', ehr_vendor: 'C' }),
    s('DAT-08', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-11', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-12', { hospital: 'A', ehr_vendor: 'R' }),
    s('DAT-13', { hospital: 'A', ehr_vendor: 'R' }),
    s('AST-07', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R' }),
    s('NET-11', { hospital: 'RA', network_vendor: 'R', ehr_vendor: 'C' }),
    s('AUTH-06', { hospital: 'RA', ehr_vendor: 'C' }, { asset: 'accounts' }),
    s('INC-13', { hospital: 'A', ehr_vendor: 'R', network_vendor: 'R', cloud_provider: 'C' }),
    // The cloud service's own backups and restores (Henry: the SaaS provider maintains the service)
    s('BKP-07', { hospital: 'A', ehr_vendor: 'R', cloud_provider: 'C' }, { asset: 'saas', terms: { remarks: 'バックアップの世代・保存場所・復元の依頼方法と目安をSLAに明記' } }),
  ],
};
