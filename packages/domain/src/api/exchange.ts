import { z } from 'zod';
import { ZDuty, ZDutyDefinition } from '../model/duty.ts';
import { ZDateTime, ZId } from '../model/primitives.ts';

/**
 * Import / export (取込・出力) of duties and the matrix. The column layout of
 * duty imports is documented in docs/import-format.md; the web app offers the
 * same headers as a template.
 */

/** Largest file an import accepts, in bytes (CSV or .xlsx). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Largest number of data rows in one import. */
export const IMPORT_MAX_ROWS = 5000;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;

/**
 * The columns of a duty import: canonical (English) header first, then the
 * Japanese headers accepted for it. `required: false` columns may be absent.
 */
export const DUTY_IMPORT_COLUMNS = [
  { key: 'code', headers: ['code', 'コード', '項目コード'], required: true },
  { key: 'title_ja', headers: ['title_ja', '項目', '項目名', '項目（日本語）'], required: true },
  { key: 'title_en', headers: ['title_en', '項目（英語）', '項目名（英語）'], required: false },
  { key: 'description_ja', headers: ['description_ja', '内容', '内容（日本語）'], required: true },
  { key: 'description_en', headers: ['description_en', '内容（英語）'], required: false },
  { key: 'phase', headers: ['phase', 'フェーズ', '段階'], required: true },
  { key: 'category', headers: ['category', '分類', 'カテゴリ'], required: true },
  { key: 'applies_to', headers: ['applies_to', '対象資産種別', '適用資産種別'], required: false },
  { key: 'concerns', headers: ['concerns', '観点'], required: false },
  { key: 'part', headers: ['part', '確認表パート', 'パート'], required: true },
  { key: 'order', headers: ['order', '順序', '並び順'], required: false },
  { key: 'kakuninhyo_item', headers: ['kakuninhyo_item', '確認表項番'], required: false },
  { key: 'references', headers: ['references', '出典', '根拠'], required: true },
] as const;
export type TDutyImportColumn = (typeof DUTY_IMPORT_COLUMNS)[number]['key'];

/**
 * Import profiles: `duties` is Bunkai's own layout (above); `kakuninhyo` reads the ministries' 確認表
 * (役割分担等に関する確認表, its 別添1 推奨される対応例) as the user has it, 1:1 with its official numbers.
 */
export const IMPORT_PROFILES = ['duties', 'kakuninhyo'] as const;
export type TImportProfile = (typeof IMPORT_PROFILES)[number];
export const ZImportQuery = z.object({ profile: z.enum(IMPORT_PROFILES).default('duties') });

/** The columns of the official 確認表 (profile `kakuninhyo`); Part may instead come from 「Part1 …」 heading rows. */
export const KAKUNINHYO_IMPORT_COLUMNS = [
  { key: 'part', headers: ['Part', 'パート'], required: false },
  { key: 'number', headers: ['項番'], required: true },
  { key: 'title', headers: ['項目'], required: true },
  { key: 'content', headers: ['内容'], required: true },
  { key: 'risk', headers: ['想定されるリスク'], required: false },
  { key: 'recommended', headers: ['推奨される対応例'], required: false },
  { key: 'guideline', headers: ['ガイドライン等関連部分'], required: false },
] as const;
export type TKakuninhyoImportColumn = (typeof KAKUNINHYO_IMPORT_COLUMNS)[number]['key'];

/** JSON alternative to a raw CSV / .xlsx body (handy for browsers). */
export const ZImportJsonBody = z.object({
  format: z.enum(IMPORT_FORMATS),
  // base64 of at most IMPORT_MAX_BYTES, plus padding
  contentBase64: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64'),
});
export type TImportJsonBody = z.infer<typeof ZImportJsonBody>;

/** One problem in an import file; `row` is 1-based and counts the header as row 1. */
export const ZImportRowError = z.object({
  row: z.number().int().min(1),
  column: z.string().max(100),
  message: z.string().max(1000),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZImportDutiesResponse = z.object({
  imported: z.number().int().min(0),
  duties: z.array(ZDuty),
  /** Cells created for the new duties on the engagement's existing assets. */
  cells: z.number().int().min(0),
});
export type TImportDutiesResponse = z.infer<typeof ZImportDutiesResponse>;

/** A duty of an organization's own catalog (自組織の項目カタログ). */
export const ZOrganizationDuty = ZDutyDefinition.extend({
  id: ZId,
  organizationId: ZId,
  createdAt: ZDateTime,
});
export type TOrganizationDuty = z.infer<typeof ZOrganizationDuty>;

export const ZOrganizationDutiesResponse = z.object({ duties: z.array(ZOrganizationDuty) });

export const ZImportOrganizationDutiesResponse = z.object({
  imported: z.number().int().min(0),
  /** How many of the imported codes replaced an existing definition. */
  replaced: z.number().int().min(0),
  duties: z.array(ZOrganizationDuty),
});
