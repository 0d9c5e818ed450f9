import { ref } from '../documents.ts';
import { REMOTE, on } from './shared.ts';
import type { TDutyInput } from './shared.ts';

/** 情報の取扱い (handling of medical information). */
export const dataDuties: TDutyInput[] = [
  {
    code: 'DAT-01',
    title: { ja: '個人情報の管理', en: 'Management of personal information' },
    description: {
      ja: '事業者が病院の保有する個人情報（要配慮個人情報を含む）を取り扱う場合、個人情報保護法と関係ガイダンスに沿った安全管理措置と事故時の対応を契約で定める。診療録等を外部に保存する場合は関係法令・通知の要件も満たす。',
      en: 'Where a vendor handles personal information held by the hospital (including sensitive personal information), the contract sets the safeguards required by the Personal Information Protection Act and related guidance, and how incidents are handled. If medical records are stored outside the hospital, the legal and notice requirements for that are met too.',
    },
    phase: 'pre_contract',
    category: 'data_handling',
    appliesTo: [],
    kakuninhyoPart: 2,
    order: 140,
    kakuninhyoItem: 'Part2 A-8',
    references: [ref('role-split-checklist-2024', 'Part2 A-8', '個人情報の管理')],
  },
  {
    code: 'DAT-02',
    title: { ja: '医療情報・情報機器の持出し管理', en: 'Control taking medical information and devices off-site' },
    description: {
      ja: '医療情報と情報機器の持出し手順を定めて台帳で所在を管理し、持ち出す媒体・端末は暗号化とパスワード設定を行う。状況を定期的に企画管理者に報告する。',
      en: 'Set the procedure for taking medical information and devices off-site, track where they are in a register, and encrypt and password-protect the media and terminals taken out; report the situation regularly to the planning manager.',
    },
    phase: 'normal',
    category: 'data_handling',
    appliesTo: [],
    kakuninhyoPart: 1,
    order: 430,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項①'), ref('mhlw-gl6-ops', '§7 遵守事項③'), ref('mhlw-gl6-ops', '§7 遵守事項⑦', '可搬媒体・情報機器の所在の台帳管理'), ref('mhlw-gl6-ops', '§7.1')],
  },
  {
    code: 'DAT-03',
    title: { ja: '第三者提供における責任分界', en: 'Responsibility split for provision to third parties' },
    description: {
      ja: 'メール送信、サーバ・クラウドへの提供、アプリケーション連携などで医療情報を第三者に提供する場合、どこまでを病院が責任を持ち、どこから提供先が持つかを方式ごとに定める。',
      en: 'When medical information is provided to third parties — by e-mail, to a server or cloud service, or through an application interface — define for each method up to which point the hospital is responsible and from where the recipient is.',
    },
    phase: 'normal',
    category: 'data_handling',
    appliesTo: [],
    kakuninhyoPart: 1,
    order: 440,
    references: [ref('mhlw-gl6-ops', '§3 遵守事項⑤'), ref('mhlw-gl6-ops', '§3.5')],
  },
  {
    code: 'DAT-04',
    title: { ja: '外部保存受託事業者による医療情報へのアクセス制限', en: 'Limit the storage provider’s access to the medical information' },
    description: {
      ja: '診療録等の保存を受託する事業者は、自社の管理者であっても正当な理由なく医療情報にアクセスできない仕組みを設ける。障害対応でやむを得ずアクセスする場合は病院の許可を得て、秘密を守る。',
      en: 'A provider storing medical records on the hospital’s behalf makes sure that even its own administrators cannot access them without a legitimate reason; where a failure makes access unavoidable, it obtains the hospital’s permission and keeps the information confidential.',
    },
    phase: 'normal',
    category: 'data_handling',
    appliesTo: on('cloud_service'),
    kakuninhyoPart: 2,
    order: 1100,
    references: [ref('mhlw-gl6-ops', '§10 遵守事項②'), ref('mhlw-gl6-ops', '§10 遵守事項⑥')],
  },
  {
    code: 'DSP-05',
    title: { ja: '情報種別ごとの破棄手順', en: 'Disposal procedure for each class of information' },
    description: {
      ja: '破棄の条件、破棄できる職員、具体的な方法を情報種別ごとに定め、破棄を実施したら企画管理者に報告する。',
      en: 'Define, for each class of information, when it may be disposed of, which staff may do it and how; report each disposal to the planning manager.',
    },
    phase: 'normal',
    category: 'disposal',
    appliesTo: [],
    kakuninhyoPart: 1,
    order: 450,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項⑨'), ref('mhlw-gl6-ops', '§7.3')],
  },
  {
    code: 'DAT-05',
    title: { ja: '標準形式でのデータ出力・入力機能の確保', en: 'Data export and import in standard formats' },
    description: {
      ja: 'システム更新時の移行に備え、診療録等のデータを標準形式（標準がない項目は変換しやすい形式）で出力・入力できる機能を契約前に確認する。データ形式や転送プロトコルを変更する場合は旧形式への対応を維持する。',
      en: 'Before contracting, confirm that records can be exported and imported in standard formats (or easily convertible ones where no standard exists) so a future migration is possible. When data formats or transfer protocols change, support for the old ones is maintained.',
    },
    phase: 'pre_contract',
    category: 'data_handling',
    appliesTo: on('application', 'cloud_service'),
    kakuninhyoPart: 2,
    order: 1105,
    references: [ref('mhlw-gl6-ops', '§5 遵守事項①'), ref('mhlw-gl6-ops', '§5 遵守事項③'), ref('mhlw-gl6-ops', '§5.2')],
  },
];

/** 契約終了・廃棄 (contract end and disposal). */
export const contractEndDuties: TDutyInput[] = [
  {
    code: 'DAT-06',
    title: { ja: '契約終了時のデータ返却', en: 'Return of data at contract end' },
    description: {
      ja: 'システム更新や契約終了に備え、事業者は診療録等を標準形式（標準がない項目は変換しやすい形式）で出力できるようにする。契約終了時に病院が指定する時期までに返却し件数・内容の完全性を確認することは、当カタログの推奨である。',
      en: 'To prepare for system replacement or contract end, the vendor can export the records in standard formats (easily convertible ones where no standard exists). Returning them by the date the hospital sets and checking completeness at contract end is this catalog’s recommended practice.',
    },
    phase: 'contract_end',
    category: 'data_handling',
    appliesTo: [],
    kakuninhyoPart: 2,
    order: 1400,
    references: [
      ref('mhlw-gl6-ops', '§5 遵守事項①', 'システム更新時の移行に備えた標準形式での出力'),
      ref('mhlw-gl6-ops', '§5.1', 'システム更新を経ても旧システムで保存された医療情報を利用できるように'),
    ],
  },
  {
    code: 'DSP-01',
    title: { ja: '契約終了時のデータ消去と消去証明', en: 'Deletion of data at contract end, with proof' },
    description: {
      ja: '返却が確認できた後、事業者はバックアップを含めて保管している医療情報を復元できない方法で消去し、消去証明書などの証憑を提出する。病院は証憑または説明により消去を確認する。',
      en: 'Once the return is confirmed, the vendor erases the medical information it holds, backups included, in a way that cannot be undone, and submits evidence such as an erasure certificate; the hospital confirms the deletion from that evidence or the vendor’s explanation.',
    },
    phase: 'contract_end',
    category: 'disposal',
    appliesTo: [],
    kakuninhyoPart: 2,
    order: 1410,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項⑪'), ref('mhlw-gl6-ops', '§7.3', '事業者のデータ破棄手順と破棄状況の確認')],
  },
  {
    code: 'DSP-02',
    title: { ja: '機器の廃棄・リース返却時の完全消去', en: 'Complete erasure when equipment is disposed of or returned from lease' },
    description: {
      ja: '医療情報や接続設定を格納した機器を廃棄・返却する際は、専門知識のある者が専用ソフトウェアによる消去または物理破壊を行い、読み出せる情報が残っていないことを確認して証明を受け取る。',
      en: 'When equipment that stored medical information or connection settings is disposed of or returned, a qualified person erases it with dedicated software or destroys it physically, confirms nothing readable remains, and a certificate is obtained.',
    },
    phase: 'contract_end',
    category: 'disposal',
    appliesTo: on('server', 'client_terminal', 'backup_media', 'network_device', 'vpn_appliance', 'medical_device'),
    kakuninhyoPart: 2,
    order: 1420,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項⑩'), ref('mhlw-gl6-ops', '§7.3')],
  },
  {
    code: 'DSP-03',
    title: { ja: '保守用アカウントとリモート接続経路の撤去', en: 'Remove maintenance accounts and remote-access paths' },
    description: {
      ja: '保守契約の終了時や事業者の交代時に、その事業者の保守用アカウント、VPN接続設定、リモート保守ソフトを削除・停止し、撤去したことを病院が確認する。',
      en: 'When a maintenance contract ends or a vendor is replaced, delete or disable that vendor’s maintenance accounts, VPN connection settings and remote-support software, and have the hospital confirm they are gone.',
    },
    phase: 'contract_end',
    category: 'disposal',
    appliesTo: on(REMOTE, 'account'),
    concerns: ['account_management'],
    kakuninhyoPart: 2,
    order: 1430,
    references: [
      ref('mhlw-gl6-ops', '§14 遵守事項⑦', '不要なIDの削除'),
      ref('mhlw-gl6-ops', '§7 遵守事項⑫', '適切に管理されたリモートログインのみに制限'),
    ],
  },
  {
    code: 'CRD-07',
    title: { ja: '後継事業者への引継ぎとデータ移行', en: 'Hand-over and data migration to the successor vendor' },
    description: {
      ja: '事業者の交代時、現行事業者はデータ形式・連携仕様・運用手順を後継事業者に開示し、移行作業に協力する。旧形式のデータが読める状態を移行完了まで維持する。',
      en: 'When the vendor changes, the outgoing vendor discloses data formats, interface specifications and operating procedures to the successor and cooperates in the migration, keeping data in the old format readable until the migration is complete.',
    },
    phase: 'contract_end',
    category: 'coordination',
    appliesTo: [],
    concerns: ['inter_vendor_coordination'],
    kakuninhyoPart: 2,
    order: 1440,
    references: [
      ref('mhlw-gl6-ops', '§5 遵守事項③', 'データ形式・転送プロトコルの継続性'),
      ref('mhlw-gl6-ops', '§5.1', 'システム更新を経ても旧システムの情報を利用できるように'),
    ],
  },
  {
    code: 'DSP-04',
    title: { ja: '使用を終えた機器のネットワークからの切断・撤去', en: 'Disconnect and remove equipment no longer in use' },
    description: {
      ja: '使用を終えた、または不具合で停止した機器（VPN装置、ネットワーク機器、IoT機器等）をネットワークに接続したまま放置せず、切断・撤去して台帳から外す。',
      en: 'Do not leave equipment that is no longer used or was stopped because of a fault (VPN appliances, network devices, IoT devices, …) connected to the network; disconnect and remove it and take it off the register.',
    },
    phase: 'contract_end',
    category: 'disposal',
    appliesTo: on('vpn_appliance', 'network_device', 'medical_device'),
    kakuninhyoPart: 2,
    order: 1450,
    references: [ref('mhlw-gl6-ops', '§8 遵守事項⑥', '(3) 使用を終了したIoT機器の放置'), ref('mhlw-gl6-ops', '§8.3', '外部と接続可能な未使用機器')],
  },
];
