import {
  ASSET_CATEGORY_LABELS,
  CELL_STATUS_LABELS,
  DUTY_CATEGORY_LABELS,
  PARTY_ROLE_LABELS,
  PHASE_LABELS,
  PROVISION_PATTERN_LABELS,
  RACI_LABELS,
  SERVICE_MODEL_LABELS,
  SEVERITY_LABELS,
  type TLocalized,
  type TRaciRole,
} from '@bunkai/domain';

type Lang = 'ja' | 'en';

/** `{ governance: {ja, en} }` → `{ 'category.governance': '…' }`, keys typed so `t()` keeps checking them. */
const prefixed = <P extends string, K extends string>(prefix: P, labels: Record<K, TLocalized>, lang: Lang) =>
  Object.fromEntries(Object.entries<TLocalized>(labels).map(([k, v]) => [`${prefix}.${k}`, v[lang]])) as Record<`${P}.${K}`, string>;

const RACI = Object.keys(RACI_LABELS) as TRaciRole[];

/** The role picker's long form: 「実施 R」 in Japanese, "R Responsible (実施)" in English (the 確認表 word stays beside it). */
const raciLong = (lang: Lang) =>
  Object.fromEntries(RACI.map((r) => [`raci.${r}`, lang === 'ja' ? `${RACI_LABELS[r].ja} ${r}` : `${r} ${RACI_LABELS[r].en} (${RACI_LABELS[r].ja})`])) as Record<`raci.${TRaciRole}`, string>;
const raciShort = (lang: Lang) => Object.fromEntries(RACI.map((r) => [`raci.${r}.short`, RACI_LABELS[r][lang]])) as Record<`raci.${TRaciRole}.short`, string>;

/**
 * The domain's words (責任分界 categories, phases, roles, statuses …) as
 * message-catalog entries. They are declared once in `@bunkai/domain`, which
 * the annex and the CSV/XLSX exchange print too, so the screen and the
 * signed document cannot drift apart.
 */
export const domainMessages = (lang: Lang) => ({
  ...prefixed('serviceModel', SERVICE_MODEL_LABELS, lang),
  ...prefixed('provision', PROVISION_PATTERN_LABELS, lang),
  ...prefixed('phase', PHASE_LABELS, lang),
  ...prefixed('category', DUTY_CATEGORY_LABELS, lang),
  ...prefixed('assetCategory', ASSET_CATEGORY_LABELS, lang),
  ...prefixed('partyRole', PARTY_ROLE_LABELS, lang),
  ...raciLong(lang),
  ...raciShort(lang),
  ...prefixed('cellStatus', CELL_STATUS_LABELS, lang),
  ...prefixed('severity', SEVERITY_LABELS, lang),
});

export type DomainMessageKey = keyof ReturnType<typeof domainMessages>;
