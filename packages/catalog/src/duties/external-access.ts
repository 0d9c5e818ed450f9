import { ref } from '../documents.ts';
import { SYSTEMS, on } from './shared.ts';
import type { TDutyInput } from './shared.ts';

/**
 * Added in catalog 2026.2: access from outside (telework, patient portals, BYOD), network
 * items of §13 not yet covered, authentication fall-backs, e-signatures and the R7 checklist's
 * vendor items.
 */
export const externalAccessDuties: TDutyInput[] = [
  {
    code: 'NET-08',
    title: { ja: '職員の外部からのアクセス（テレワーク）：VPNと仮想デスクトップ', en: 'Staff access from outside (telework): VPN and virtual desktop' },
    description: {
      ja: '職員の外部からのアクセスを許可する場合は、盗聴・なりすまし防止とアクセス管理を実現したVPNで安全性を確保したうえで、仮想デスクトップ等を利用する運用の要件を設定する。接続できる職員と権限の範囲は事前の許可手続で定める。',
      en: 'Where staff may connect from outside, secure the path with a VPN that prevents eavesdropping and impersonation and controls access, and set requirements for working through a virtual desktop or similar. Which staff may connect, with which rights, is decided by a prior approval procedure.',
    },
    phase: 'pre_contract',
    category: 'network',
    appliesTo: on('vpn_appliance', 'client_terminal'),
    kakuninhyoPart: 2,
    order: 870,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項⑬'), ref('mhlw-gl6-ops', '§7.2.1')],
  },
  {
    code: 'NET-09',
    title: { ja: 'ネットワーク機器での接続元制限（接続を許可する機器の限定）', en: 'Restrict which devices may connect (network devices)' },
    description: {
      ja: 'ネットワーク機器で接続を許可する機器を限定し（MACアドレスや無線LANの接続制限等）、不正な機器が院内ネットワークに接続できないようにする。MACアドレスは詐称でき、端末側でランダム化されることもあるため、効果が限定的であることに留意する。',
      en: 'Limit on the network devices which devices may connect (MAC address or wireless LAN restrictions and the like) so that no unauthorised device joins the in-house network. MAC addresses can be spoofed and are randomised by many devices, so the effect is limited.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('network_device'),
    kakuninhyoPart: 2,
    order: 880,
    references: [
      ref('cyber-checklist-r7', '⑬', '接続元制限'),
      ref('cyber-checklist-r6', '管理・運用', '接続元制限'),
      ref('mhlw-gl6-ops', '§13 遵守事項⑤', '不正な機器の接続が生じないよう'),
      ref('mhlw-gl6-ops', '§13 遵守事項⑬', 'MACアドレスによるアクセス制限とその限界'),
    ],
  },
  {
    code: 'NET-10',
    title: { ja: '患者向け閲覧サービス（ポータル）の分離と防御', en: 'Separate and protect patient-facing viewing services (portals)' },
    description: {
      ja: '患者等に医療情報を閲覧させる場合、公開するシステムを通じて院内システムに侵入されないよう、システムやアプリケーションの切り分け、ファイアウォール、アクセス監視、TLS暗号化、PKI認証等の対策を実施する。患者向けの操作は参照のみを基本とする。',
      en: 'Where patients may view their medical information, prevent intrusion into in-house systems through the system that serves it: separate systems and applications, firewalls, access monitoring, TLS encryption, PKI authentication and the like. Patients are normally given read-only access.',
    },
    phase: 'pre_contract',
    category: 'network',
    appliesTo: on('cloud_service', 'application', 'server'),
    kakuninhyoPart: 2,
    order: 890,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項⑭'), ref('mhlw-gl6-ops', '§7.2.2', '患者への情報提供は一般的には参照のみ')],
  },
  {
    code: 'NET-11',
    title: { ja: 'セキュアなネットワークの採用と拠点間の通信方式・認証手段の取決め', en: 'Use a secure network and agree the communication and authentication methods between sites' },
    description: {
      ja: 'なりすまし防止のため原則として経路等を管理できるセキュアなネットワークを利用する。オープンではないネットワークでは、送信元と送信先で必要な単位ごとに通信方式と認証手段（PKI、事前配布の共通鍵、ワンタイムパスワード等）を互いに確認して決める。',
      en: 'To prevent impersonation, use in principle a secure network whose route is managed. On a non-open network, the sending and receiving ends agree with each other, at the level needed, the communication method and the authentication means (PKI, pre-shared keys, one-time passwords and the like).',
    },
    phase: 'pre_contract',
    category: 'network',
    appliesTo: [],
    kakuninhyoPart: 2,
    order: 805,
    references: [ref('mhlw-gl6-ops', '§13 遵守事項②'), ref('mhlw-gl6-ops', '§13 遵守事項④'), ref('mhlw-gl6-ops', '§13.1')],
  },
  {
    code: 'NET-12',
    title: { ja: '通信経路上の改ざん・盗聴・中間者攻撃の防止', en: 'Prevent tampering, eavesdropping and man-in-the-middle attacks on the path' },
    description: {
      ja: '通信で診療録等が改ざんされていないことを保証できるようにし、メッセージ挿入や不正ソフトウェアの混入、中間者攻撃を防ぐ。施設間の経路上でのパスワードや本文の盗聴を防ぐ対策を実施する。',
      en: 'Make it possible to guarantee that records were not altered in transit, and prevent message insertion, malware injection and man-in-the-middle attacks. Prevent eavesdropping on passwords and content on the path between facilities.',
    },
    phase: 'normal',
    category: 'network',
    appliesTo: on('network_device', 'vpn_appliance', 'internet_line'),
    kakuninhyoPart: 2,
    order: 865,
    references: [ref('mhlw-gl6-ops', '§13 遵守事項⑧'), ref('mhlw-gl6-ops', '§13 遵守事項⑨'), ref('mhlw-gl6-ops', '§13 遵守事項⑩')],
  },
  {
    code: 'ACC-07',
    title: { ja: 'BYOD（私物端末の業務利用）の手順と設定', en: 'BYOD (personal devices for work): procedure and settings' },
    description: {
      ja: 'BYODを認める場合、規程に基づいて具体的な手順と端末の設定を定めて実施し、企画管理者に報告する。管理されていない端末でのBYODは行わない。',
      en: 'Where BYOD is allowed, set and apply a concrete procedure and device settings under the hospital’s rules and report them to the planning manager. Unmanaged devices are never used for BYOD.',
    },
    phase: 'pre_contract',
    category: 'access_control',
    appliesTo: on('client_terminal'),
    kakuninhyoPart: 2,
    order: 645,
    references: [ref('mhlw-gl6-ops', '§8 遵守事項⑧'), ref('mhlw-gl6-ops', '§8.5')],
  },
  {
    code: 'ACC-08',
    title: { ja: 'BYOD端末への病院管理端末と同等の対策', en: 'BYOD devices get the same safeguards as hospital-managed ones' },
    description: {
      ja: 'BYOD端末にも病院が管理する端末と同等の対策が講じられるよう手順を作成する。例えば管理者以外によるOS設定変更の制御、OSレベルでの管理領域の分離、安全性を確認できないアプリがないことの定期確認などから選んで採用する。',
      en: 'Write a procedure so that BYOD devices get safeguards equal to hospital-managed ones — chosen, for example, from preventing OS setting changes by anyone but the administrator, separating a managed area at OS level, and regularly checking that no unverified app is installed.',
    },
    phase: 'normal',
    category: 'access_control',
    appliesTo: on('client_terminal'),
    kakuninhyoPart: 2,
    order: 647,
    references: [ref('mhlw-gl6-ops', '§8 遵守事項⑨'), ref('mhlw-gl6-ops', '§8.5')],
  },
  {
    code: 'AUTH-04',
    title: { ja: 'ICカード等が使えないときの代替アクセス手段', en: 'Fallback access when IC cards or other security devices fail' },
    description: {
      ja: '利用者認証にICカード等のセキュリティ・デバイスを使う場合、破損等で使えないときを想定し、緊急時の代替手段による一時的なアクセスルールを用意する。',
      en: 'Where users authenticate with IC cards or other security devices, prepare temporary access rules using an emergency alternative for when a device cannot be used (broken and so on).',
    },
    phase: 'normal',
    category: 'authentication',
    appliesTo: on(SYSTEMS),
    kakuninhyoPart: 2,
    order: 675,
    references: [ref('mhlw-gl6-ops', '§14 遵守事項③'), ref('mhlw-gl6-ops', '§14.1.1')],
  },
  {
    code: 'AUTH-05',
    title: { ja: '法令の要件を満たす電子署名・タイムスタンプサービスの選択と利用措置', en: 'Choose e-signature and time-stamp services that meet the legal requirements' },
    description: {
      ja: '法令で定められた記名・押印のための電子署名には、企画管理編14.の要件を満たすサービスを選択し、医療情報システムで利用できるようにする。医師等の国家資格が求められる文書では、資格を電子的に検証できる電子証明書による署名等が求められる。',
      en: 'For electronic signatures that replace legally required names and seals, choose a service that meets the requirements of the planning volume §14 and make it usable in the medical information system. Documents that require a licensed professional need signatures with certificates that let the licence be verified electronically.',
    },
    phase: 'pre_contract',
    category: 'authentication',
    appliesTo: on(SYSTEMS),
    kakuninhyoPart: 2,
    order: 685,
    references: [ref('mhlw-gl6-ops', '§15 遵守事項①'), ref('mhlw-gl6-ops', '§15.1')],
  },
  {
    code: 'AUTH-06',
    title: { ja: '事業者による施設間のパスワード使い回しの禁止', en: 'No vendor reuses one password across its client facilities' },
    description: {
      ja: 'パスワードを使い回さない。事業者が保守等のために複数の施設で同じパスワードを使うことも含め、施設ごとに異なるパスワードを設定する。',
      en: 'Passwords are never reused — including a vendor using the same password at several client facilities for maintenance; each facility gets its own.',
    },
    phase: 'normal',
    category: 'authentication',
    appliesTo: on('account', 'remote_access_software', 'vpn_appliance'),
    concerns: ['account_management'],
    kakuninhyoPart: 2,
    order: 680,
    references: [ref('cyber-checklist-r7', '⑧', '事業者が施設間で同じパスワードを使うことを含む')],
  },
  {
    code: 'DAT-15',
    title: { ja: 'USBメモリ等の外部記憶媒体の使用制限', en: 'Restrict USB memory and other external storage' },
    description: {
      ja: 'USBメモリ等の外部記憶媒体を医療情報システムの機器で使うことを制限する。適切に管理されていない媒体を使う場合は、使う前に不正ソフトウェアの混入を確認する。事業者が保守で持ち込む媒体にも同じ制限を適用することは、当カタログの推奨である。',
      en: 'Restrict the use of USB memory and other external storage on the medical information system’s devices. Media that are not properly managed are checked for malware before use. Applying the same restriction to media vendors bring for maintenance is this catalog’s recommended practice.',
    },
    phase: 'normal',
    category: 'data_handling',
    appliesTo: on('client_terminal', 'server'),
    kakuninhyoPart: 2,
    order: 1170,
    references: [ref('cyber-checklist-r7', '⑨', 'USB等の外部記憶媒体の使用制限'), ref('mhlw-gl6-ops', '§8 遵守事項①', '適切に管理されていない記録媒体の使用時の確認')],
  },
];
