import type { TLocalized } from '@bunkai/domain';

/** What a newer catalog version does to a duty of the older one. */
export type TCatalogChangeKind = 'added' | 'changed' | 'withdrawn';

export interface TCatalogChangeNote {
  kind: TCatalogChangeKind;
  reason: TLocalized;
}

const note = (kind: TCatalogChangeKind, ja: string, en: string): TCatalogChangeNote => ({ kind, reason: { ja, en } });

const officialItem = note(
  'changed',
  '確認表の公式項番（検証済み）を kakuninhyoItem として持たせた。文面は変わらない。',
  'Carries its verified official 確認表 item number (kakuninhyoItem); the text is unchanged.',
);
const patchRow = note(
  'changed',
  '根拠の「R6チェックリスト 2-(7..9)」は存在しない行番号だったため「管理・運用（行番号未確認）」に改め、R7チェックリストの該当項目を加えた。',
  'The reference “R6 checklist 2-(7..9)” named a row that does not exist; it now cites 管理・運用 (row not verified) and adds the matching R7 checklist item.',
);
const newItem = (ja: string, en: string) => note('added', ja, en);

/** Catalog 2026.2 against 2026.1, by duty code. Checked against the data by the versions test. */
export const CHANGES_2026_2: Readonly<Record<string, TCatalogChangeNote>> = {
  'CON-01': officialItem,
  'CON-06': officialItem,
  'DAT-01': officialItem,
  'VUL-02': patchRow,
  'VUL-03': patchRow,
  'VUL-04': patchRow,
  'VUL-06': patchRow,
  'VUL-10': patchRow,
  'GOV-03': note('changed', '企画管理者への「承認」は本文になく「報告」に改め、契約・SLAで取り決めるのは企画管理者であることを§3.4.2どおりに記した。', 'The text asks for a report to the planning manager, not approval; the contract/SLA step is attributed to the planning manager as §3.4.2 says.'),
  'CON-03': note('changed', 'ISMSの適用範囲は提供事業者GL§4.4で「望ましい」とされる事項であり、認証失効の通知は当カタログの推奨であると明記した。', 'The ISMS scope is a “preferably” in provider GL §4.4, and notice of a lapse is marked as this catalog’s recommendation.'),
  'AUTH-01': note('changed', '§14 遵守事項②（IDとパスワードを本人しか知り得ない状態に保つ）を根拠に加えた。', 'Adds §14 requirement ② (keeping IDs and passwords known only to the user) to the references.'),
  'AUTH-02': note('changed', '「外部から接続する経路では特に優先する」は本文にないため削除した。', 'Drops “with priority on paths from outside”, which the source does not say.'),
  'AUTH-03': note('changed', 'OTPはリモートサポート用ソフトウェアが病院端末に表示する一回限りの接続用パスワードである（ヘンリー資料 slide 24–27）。§13 遵守事項④（拠点間の認証手段の取決め）は別の事項のため根拠から外した。', 'The OTP is the session password the remote-support software shows on the hospital PC (Henry slides 24–27); §13 requirement ④ is about agreeing authentication between network ends and is no longer cited.'),
  'BKP-02': note('changed', '「少なくとも3世代」は日次バックアップの場合の§18.1の例示であることを本文どおりに記した。', 'States, as §18.1 does, that “at least three generations” is the example for daily backups.'),
  'DAT-02': note('changed', '§7 遵守事項⑦（可搬媒体・情報機器の所在の台帳管理）を根拠に加えた。', 'Adds §7 requirement ⑦ (ledger of portable media and devices) to the references.'),
  'DAT-06': note('changed', '引用した節は契約終了時の返却を述べていないため、返却と完全性確認は当カタログの推奨と明記し、根拠を§5 遵守事項①と§5.1に改めた。', 'Neither cited section says “return data at contract end”: the return and completeness check are marked as this catalog’s recommendation, citing §5 requirement ① and §5.1.'),
  'INC-03': note('changed', '報告先は連絡体制図（R6チェックリスト 3-(1)）の厚労省・警察等とし、都道府県等は当カタログの推奨と明記した。BCP策定の確認表 5-6（外部機関への報告）を根拠に加えた。', 'The bodies reported to are those of the contact chart (R6 checklist 3-(1): MHLW, police); the prefecture is marked as this catalog’s recommendation; cites the BCP check sheet 5-6 (reporting to outside bodies).'),
  'CRD-01': note('changed', '利用イメージは確認表ではなく医療等情報利活用WG 第22回 資料4 であるため、根拠の文書を改めた。', 'The usage example is WG No.22 material 4, not the 確認表: the reference now names that document.'),
  'CRD-05': note('changed', '利用イメージの根拠を医療等情報利活用WG 第22回 資料4 に改め、本文から「確認表で」を外した。', 'Cites the usage example as WG No.22 material 4 and no longer says the review uses the 確認表.'),
  'RMT-05': note('changed', '「接続元制限」はR6チェックリストでは接続できる機器の制限を指し、リモート保守の接続元IP制限ではないため根拠から外し（NET-09に移した）、接続元の限定は当カタログの推奨と明記した。', 'The checklist’s 接続元制限 restricts which devices may connect, not remote-maintenance source addresses: it moved to NET-09, and source restriction here is marked as this catalog’s recommendation.'),
  'AUD-02': note('changed', 'R7チェックリストの事業者確認用（各事業者に送付、はい/いいえと確認日、いいえには年度内の目標日）を根拠に加えた。', 'Adds the R7 checklist vendor form (sent to each vendor, yes/no with the date checked, a target date within the fiscal year for each no).'),
  'NET-08': newItem('§7 遵守事項⑬（職員の外部アクセス：VPN＋仮想デスクトップ）が未収録だった。', '§7 requirement ⑬ (staff access from outside: VPN plus virtual desktop) was missing.'),
  'NET-09': newItem('R7チェックリスト⑬・R6の接続元制限（接続できる機器の制限）を独立した責任項目にした。', 'The checklists’ 接続元制限 (restricting which devices may connect) becomes its own duty.'),
  'NET-10': newItem('§7 遵守事項⑭（患者向け閲覧サービス）が未収録だった。', '§7 requirement ⑭ (patient-facing viewing) was missing.'),
  'NET-11': newItem('§13 遵守事項②④（セキュアなネットワーク、拠点間の通信方式・認証手段）が未収録だった。', '§13 requirements ② and ④ (secure network, agreed methods between ends) were missing.'),
  'NET-12': newItem('§13 遵守事項⑧⑨⑩（改ざん・中間者攻撃・盗聴の防止）が未収録だった。', '§13 requirements ⑧–⑩ (tampering, man-in-the-middle, eavesdropping) were missing.'),
  'ACC-07': newItem('§8 遵守事項⑧（BYODの手順と設定）が未収録だった。', '§8 requirement ⑧ (BYOD procedure and settings) was missing.'),
  'ACC-08': newItem('§8 遵守事項⑨（BYODへの同等の対策）が未収録だった。', '§8 requirement ⑨ (equal safeguards for BYOD) was missing.'),
  'AUTH-04': newItem('§14 遵守事項③（ICカード等が使えないときの代替手段）が未収録だった。', '§14 requirement ③ (fallback when security devices fail) was missing.'),
  'AUTH-05': newItem('§15 遵守事項①（要件を満たす電子署名・タイムスタンプ）が未収録だった。', '§15 requirement ① (e-signature and time-stamp services meeting the legal requirements) was missing.'),
  'AUTH-06': newItem('R7チェックリスト⑧（事業者による施設間のパスワード使い回しを含む）を加えた。', 'Adds R7 checklist item ⑧ (no password reuse, including a vendor across its client facilities).'),
  'DAT-15': newItem('R7チェックリスト⑨（USB等外部記憶媒体の使用制限）を加えた。', 'Adds R7 checklist item ⑨ (restricting USB and external storage).'),
  'GOV-06': newItem('§1 遵守事項①（法令上の要件からの技術的対応の抽出）が未収録だった。', '§1 requirement ① (deriving technical measures from legal requirements) was missing.'),
  'DAT-07': newItem('§4 遵守事項①（情報種別に応じた手順、患者ごとの識別）が未収録だった。', '§4 requirement ① (procedures by information type, per-patient identification) was missing.'),
  'DAT-08': newItem('§5 遵守事項②（マスタ変更で過去の記録が変わらない機能）が未収録だった。', '§5 requirement ② (master changes never alter past records) was missing.'),
  'DAT-09': newItem('§5 遵守事項④（見読化手段の対応付け）が未収録だった。', '§5 requirement ④ (mapping stored information to its means of reading) was missing.'),
  'DAT-10': newItem('§7 遵守事項④⑤⑥（持ち出した端末の安全対策）が未収録だった。', '§7 requirements ④–⑥ (safeguards on terminals taken off-site) were missing.'),
  'DAT-11': newItem('§9 遵守事項④（速やかな検索表示・書面表示）が未収録だった。', '§9 requirement ④ (fast search and printing) was missing.'),
  'DAT-12': newItem('§14 遵守事項⑧（電子カルテの記録の確定と識別情報）が未収録だった。', '§14 requirement ⑧ (EHR record finalization and identity of who entered it) was missing.'),
  'DAT-13': newItem('§14 遵守事項⑧（更新履歴と代行入力の承認）が未収録だった。', '§14 requirement ⑧ (update history, approval of proxy entries) was missing.'),
  'DAT-14': newItem('§16 遵守事項①（スキャナによる電子化）が未収録だった。', '§16 requirement ① (scanning) was missing.'),
  'AST-07': newItem('§9 遵守事項③（品質の定期管理）が未収録だった。', '§9 requirement ③ (regular quality management) was missing.'),
  'VUL-17': newItem('§8 遵守事項①（構築時・受領時の不正ソフトウェア混入確認）が未収録だった。', '§8 requirement ① (malware checks at build time and on receipt) was missing.'),
  'BKP-07': newItem('クラウドサービス自体のバックアップと復元を担う項目がなかった（§12.2）。', 'Nothing covered the cloud service’s own backups and restores (§12.2).'),
  'INC-13': newItem('BCP策定の確認表 5-5（事業者への再発防止策の指示）を加えた。', 'Adds the BCP check sheet’s 5-5 (instructing vendors on recurrence prevention).'),
};
