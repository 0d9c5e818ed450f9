import { ref } from '../documents.ts';
import { REMOTE, on } from './shared.ts';
import type { TDutyInput } from './shared.ts';

/** リモートメンテナンス・保守対応 (remote maintenance and vendor maintenance work). */
export const remoteDuties: TDutyInput[] = [
  {
    code: 'RMT-01',
    title: { ja: 'リモートメンテナンス対象機器・経路の確認と報告', en: 'Identify remotely maintained devices and paths, and report them' },
    description: {
      ja: '病院は各事業者に、リモートメンテナンスで接続する機器と接続経路（VPN装置、回線、リモート保守ソフト）を確認し、一覧にして企画管理者に報告する。経路が増減した場合は事業者が届け出る。',
      en: 'The hospital asks each vendor which devices it reaches by remote maintenance and over which paths (VPN appliance, line, remote-support software), lists them and reports to the planning manager. Vendors notify any path added or removed.',
    },
    phase: 'pre_contract',
    category: 'remote_maintenance',
    appliesTo: [],
    kakuninhyoPart: 1,
    order: 330,
    references: [
      ref('cyber-checklist-r6', '2-(2)'),
      ref('mhlw-gl6-ops', '§7.2.3', '事業者が外部からアクセスして保守を行う場合（§10を参照）'),
    ],
  },
  {
    code: 'RMT-02',
    title: { ja: 'リモート保守用アカウントの発行・管理・停止', en: 'Issue, manage and revoke remote-maintenance accounts' },
    description: {
      ja: '保守要員ごとに専用アカウントを発行し、共用しない。アカウントとパスワードの発行者・保管者を決め、要員の交代や契約終了時には直ちに停止する。',
      en: 'Issue each maintenance engineer a dedicated account, never shared. Decide who issues and who keeps the accounts and passwords, and revoke them immediately when an engineer changes or the contract ends.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: on(REMOTE, 'account'),
    concerns: ['account_management'],
    kakuninhyoPart: 2,
    order: 700,
    references: [
      ref('mhlw-gl6-ops', '§10 遵守事項③', '保守要員の専用アカウント'),
      ref('risk-communication-2023', 'slide 24', '利用するソフトウェアのユーザやパスワード'),
    ],
  },
  {
    code: 'RMT-03',
    title: { ja: 'リモート保守の事前申請・承認', en: 'Prior request and approval of each remote-maintenance session' },
    description: {
      ja: '事業者はリモート保守の前に作業計画（目的、対象、日時、作業者、影響）を申請し、病院の承認を得てから接続する。障害や緊急の脆弱性対応でやむを得ない場合は事後承認とし、その条件をあらかじめ決めておく。',
      en: 'Before a remote-maintenance session the vendor submits a work plan (purpose, target, time, engineer, impact) and connects only after the hospital approves. Where a failure or urgent vulnerability fix leaves no time, approval may follow afterwards under conditions agreed in advance.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: on(REMOTE),
    kakuninhyoPart: 2,
    order: 710,
    references: [ref('mhlw-gl6-ops', '§10.1', '保守の手続きは原則として事前申請・承認')],
  },
  {
    code: 'RMT-04',
    title: { ja: 'リモート保守作業の記録と作業計画との照合', en: 'Record remote-maintenance sessions and check them against the plan' },
    description: {
      ja: 'リモート保守のアクセスログ（接続者、時刻、操作、個人情報へのアクセスの有無と対象）を必ず取得し、作業計画書と照合したうえで作業終了後速やかに病院へ報告して確認を受ける。',
      en: 'Always collect the access log of a remote-maintenance session (who connected, when, what was done, whether and which personal data was accessed), check it against the work plan and report it to the hospital for confirmation promptly after the work ends.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: on(REMOTE),
    concerns: ['log_management'],
    kakuninhyoPart: 2,
    order: 720,
    references: [ref('mhlw-gl6-ops', '§10 遵守事項④'), ref('mhlw-gl6-ops', '§10 遵守事項③', '個人情報へのアクセスの有無と作業内容の記録')],
  },
  {
    code: 'RMT-05',
    title: { ja: 'リモート接続の制限（接続元制限・作業時のみ接続）', en: 'Restrict remote connections (source restriction, connect only while working)' },
    description: {
      ja: '保守作業等でどうしても必要な場合を除いてリモートログインできないようにし、保守が終わったらリモート保守用のソフトウェアを終了する。接続元のIPアドレスや端末を限定し常時接続にしないことは、当カタログの推奨である。',
      en: 'Allow remote log-in only where maintenance truly needs it, and close the remote-support software when maintenance is over. Restricting source addresses or terminals and never leaving the connection permanently open is this catalog’s recommended practice.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: on(REMOTE),
    kakuninhyoPart: 2,
    order: 730,
    references: [
      ref('mhlw-gl6-ops', '§7 遵守事項⑫', '適切に管理されたリモートログインのみに制限'),
      ref('risk-communication-2023', 'slide 27', '保守完了後はソフトウェアを終了'),
    ],
  },
  {
    code: 'RMT-06',
    title: { ja: '保守時の個人情報の持出し禁止と使用データの消去報告', en: 'No taking personal data out during maintenance; deletion reported' },
    description: {
      ja: '保守業務で個人情報を含むデータを持ち出すことは原則禁止し、やむを得ない場合は目的・件数・項目・持出し先の保管方法を示して病院の許可を得る。動作確認等で使ったデータは保守終了後に消去し、結果を報告する。',
      en: 'Taking data that contains personal information out for maintenance is forbidden in principle; where unavoidable, the vendor states purpose, number of records, items and how they will be kept, and obtains the hospital’s permission. Data used for checks is deleted when the maintenance ends and the deletion is reported.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: [],
    kakuninhyoPart: 2,
    order: 740,
    references: [ref('mhlw-gl6-ops', '§7 遵守事項②'), ref('mhlw-gl6-ops', '§7.1'), ref('mhlw-gl6-ops', '§10 遵守事項①')],
  },
  {
    code: 'RMT-07',
    title: { ja: '保守で送るファイルの無害化', en: 'Sanitise files sent during maintenance' },
    description: {
      ja: '保守でやむを得ず病院へファイルを送る場合、送信側の事業者が無害化処理を行い、病院はその実施を確認する。実行形式やマクロを含むファイルは原則送らない。',
      en: 'Where maintenance requires sending a file to the hospital, the sending vendor sanitises it and the hospital confirms this was done. Executables and files with macros are not sent in principle.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: [],
    kakuninhyoPart: 2,
    order: 750,
    references: [ref('mhlw-gl6-ops', '§10 遵守事項⑤'), ref('mhlw-gl6-ops', '§8 遵守事項④')],
  },
  {
    code: 'RMT-08',
    title: { ja: 'クラウドサービスの保守時間と影響範囲の通知', en: 'Notice of cloud-service maintenance windows and impact' },
    description: {
      ja: 'クラウドサービスの計画保守について、事業者は対象時間と影響範囲を事前に通知し、病院は院内システムへの影響と代替措置を確認して職員に周知する。',
      en: 'For planned maintenance of the cloud service, the provider announces the window and impact in advance; the hospital checks the effect on its own systems and any fallback, and informs staff.',
    },
    phase: 'normal',
    category: 'remote_maintenance',
    appliesTo: on('cloud_service'),
    kakuninhyoPart: 2,
    order: 760,
    references: [ref('mhlw-gl6-ops', '§10.1', 'クラウドサービスにおける保守')],
  },
];
