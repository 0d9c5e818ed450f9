/**
 * Wording shared by the rule messages. Messages are read by a hospital IT lead
 * (and printed in the annex), so they name things the way the matrix shows
 * them: asset name, duty title, party display name.
 */
import type { TDutyConcern } from '../model/enums.ts';
import type { TParty } from '../model/party.ts';
import type { TLocalized } from '../model/primitives.ts';
import type { TScopedCell } from './context.ts';

/** 「VPN装置」の「脆弱性対応」 / "Vulnerability handling" on "VPN appliance". */
export const cellLabel = (sc: Pick<TScopedCell, 'duty' | 'asset'>): TLocalized =>
  sc.asset
    ? { ja: `「${sc.asset.name}」の「${sc.duty.title.ja}」`, en: `"${sc.duty.title.en}" on "${sc.asset.name}"` }
    : { ja: `案件全体の「${sc.duty.title.ja}」`, en: `engagement-wide "${sc.duty.title.en}"` };

/**
 * Says that the roles quoted come from a proposal still being negotiated:
 * `ja` is a sentence prefix, `en` a suffix, as each language reads best.
 */
export const sourceNote = (sc: Pick<TScopedCell, 'source'>): TLocalized =>
  sc.source === 'proposal' ? { ja: '提案中の分担では、', en: ' (in the open proposal)' } : { ja: '', en: '' };

/** "a, b and c" — English list; Japanese lists use 「・」 or 「、」 at the call site. */
export const englishList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export const partyName = (partyById: ReadonlyMap<string, TParty>, id: string): string =>
  partyById.get(id)?.displayName ?? id;

/** Names in matrix column order (party position), whatever order the ids come in. */
export const partyNames = (partyById: ReadonlyMap<string, TParty>, ids: readonly string[]): TLocalized => {
  const pos = (id: string) => partyById.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...ids].sort((a, b) => pos(a) - pos(b) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    ja: ordered.map((id) => partyName(partyById, id)).join('、'),
    en: ordered.map((id) => partyName(partyById, id)).join(', '),
  };
};

/**
 * Matrix order for listing cells in a message — engagement-wide first, then by
 * asset position, then 確認表 order of the duty — so the text does not depend
 * on the order the database returned the rows in.
 */
export const compareCellsForDisplay = (x: TScopedCell, y: TScopedCell): number =>
  (x.asset?.position ?? -1) - (y.asset?.position ?? -1) ||
  x.duty.kakuninhyoPart - y.duty.kakuninhyoPart ||
  x.duty.order - y.duty.order ||
  (x.cell.id < y.cell.id ? -1 : x.cell.id > y.cell.id ? 1 : 0);

/** Up to `max` labels, then 「ほかN件」 / "and N more", so long lists stay readable. */
export const labelList = (labels: readonly TLocalized[], max = 3): TLocalized => {
  const shown = labels.slice(0, max);
  const rest = labels.length - shown.length;
  return {
    ja: shown.map((l) => l.ja).join('、') + (rest > 0 ? ` ほか${rest}件` : ''),
    en: shown.map((l) => l.en).join(', ') + (rest > 0 ? ` and ${rest} more` : ''),
  };
};

export const CONCERN_LABELS: Record<TDutyConcern, TLocalized> = {
  patch_management: { ja: 'パッチ適用', en: 'patch management' },
  account_management: { ja: 'アカウント管理', en: 'account management' },
  log_management: { ja: 'ログ管理', en: 'log management' },
  eos_replacement: { ja: 'サポート終了時の更新', en: 'end-of-support replacement' },
  inter_vendor_coordination: { ja: '事業者間の連携・調整', en: 'inter-vendor coordination' },
  backup: { ja: 'バックアップ', en: 'backup' },
  network_isolation: { ja: 'ネットワークの分離・遮断', en: 'network isolation' },
  incident_reporting: { ja: 'インシデント報告', en: 'incident reporting' },
};
