import type { TAnnexStatus } from '@bunkai/docx';
import type { TLocalized } from '@bunkai/domain';

/**
 * The labels the format-1 PDF printed that lived in @bunkai/docx, frozen here so a later change to the .docx
 * wording cannot change what a format-1 rebuild prints. The shared vocabulary (roles, categories, phases …)
 * comes from @bunkai/domain as it did.
 */
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

export const ANNEX_STATUS_LABELS: Record<TAnnexStatus, TLocalized> = {
  executed: { ja: '署名済', en: 'Executed' },
  awaiting_signatures: { ja: '署名待ち', en: 'Awaiting signatures' },
  draft: { ja: '草案 DRAFT', en: 'Draft' },
};

export const WATERMARK_TEXT: Record<Exclude<TAnnexStatus, 'executed'>, string> = {
  draft: '草案 DRAFT',
  awaiting_signatures: '署名待ち UNSIGNED',
};

export const DOCUMENT_TITLE: TLocalized = { ja: '責任分界合意書 別紙（SLA annex）', en: 'Responsibility split agreement — SLA annex' };
