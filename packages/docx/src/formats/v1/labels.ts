import type { TLocalized } from '@bunkai/domain';
import type { TAnnexStatus } from '../../annex-input.ts';

export {
  ASSET_CATEGORY_LABELS,
  CELL_STATUS_LABELS,
  DUTY_CATEGORY_LABELS,
  FIRST_CHECK_LABELS,
  KAKUNINHYO_PART_LABELS,
  PARTY_ROLE_LABELS,
  PHASE_LABELS,
  PROVISION_PATTERN_LABELS,
  RACI_LABELS,
  SERVICE_MODEL_LABELS,
  SEVERITY_LABELS,
} from '@bunkai/domain';

/** Japanese label first, English second, as printed in the annex. */
export type TLabel = TLocalized;

export const ANNEX_STATUS_LABELS: Record<TAnnexStatus, TLabel> = {
  executed: { ja: '署名済', en: 'Executed' },
  awaiting_signatures: { ja: '署名待ち', en: 'Awaiting signatures' },
  draft: { ja: '草案 DRAFT', en: 'Draft' },
};

/** Watermark text on documents that are not fully signed. */
export const WATERMARK_TEXT: Record<Exclude<TAnnexStatus, 'executed'>, string> = {
  draft: '草案 DRAFT',
  awaiting_signatures: '署名待ち UNSIGNED',
};

export const DOCUMENT_TITLE: TLabel = { ja: '責任分界合意書 別紙（SLA annex）', en: 'Responsibility split agreement — SLA annex' };
