/**
 * Closed vocabularies of the domain. Each is a const tuple (for zod enums and
 * iteration) plus a derived union type.
 */

/** 当事者の役割 — the role a party plays in an engagement. */
export const PARTY_ROLES = [
  'hospital',
  'ehr_vendor',
  'network_vendor',
  'vpn_owner',
  'cloud_provider',
  'maintenance_vendor',
  'device_maker',
  'observer',
  'other',
] as const;
export type TPartyRole = (typeof PARTY_ROLES)[number];

/** 対象資産の種別 */
export const ASSET_CATEGORIES = [
  'vpn_appliance',
  'network_device',
  'internet_line',
  'server',
  'os',
  'application',
  'client_terminal',
  'remote_access_software',
  'otp_token',
  'backup_media',
  'cloud_service',
  'account',
  'medical_device',
  'data',
  'other',
] as const;
export type TAssetCategory = (typeof ASSET_CATEGORIES)[number];

/** Asset categories through which someone outside the hospital reaches in (§7.2.3, §10). */
export const REMOTE_ACCESS_ASSET_CATEGORIES = [
  'vpn_appliance',
  'remote_access_software',
] as const satisfies readonly TAssetCategory[];

/** Phase of the service life a duty belongs to. */
export const PHASES = ['pre_contract', 'normal', 'emergency', 'contract_end'] as const;
export type TPhase = (typeof PHASES)[number];

/** Duty categories, roughly the chapters of the guideline's system-operations volume. */
export const DUTY_CATEGORIES = [
  'governance',
  'contract',
  'asset_management',
  'vulnerability',
  'access_control',
  'authentication',
  'remote_maintenance',
  'network',
  'backup',
  'logging',
  'monitoring',
  'incident_response',
  'business_continuity',
  'physical',
  'data_handling',
  'education',
  'coordination',
  'disposal',
  'audit',
] as const;
export type TDutyCategory = (typeof DUTY_CATEGORIES)[number];

/**
 * What a duty is about, in the terms the findings engine checks. A duty may
 * carry several concerns; most carry none.
 */
export const DUTY_CONCERNS = [
  'patch_management',
  'account_management',
  'log_management',
  'eos_replacement',
  'inter_vendor_coordination',
  'backup',
  'network_isolation',
  'incident_reporting',
] as const;
export type TDutyConcern = (typeof DUTY_CONCERNS)[number];

/** RACI: R 実施, A 責任, C 協議, I 報告. Canonical order is R, A, C, I. */
export const RACI_ROLES = ['R', 'A', 'C', 'I'] as const;
export type TRaciRole = (typeof RACI_ROLES)[number];

export const CELL_STATUSES = ['unassigned', 'proposed', 'agreed', 'disputed', 'not_applicable'] as const;
export type TCellStatus = (typeof CELL_STATUSES)[number];

export const SERVICE_MODELS = ['on_prem', 'saas', 'paas', 'iaas', 'hybrid'] as const;
export type TServiceModel = (typeof SERVICE_MODELS)[number];

/** 提供形態: one vendor / prime vendor with subcontractors / hospital contracts each vendor. */
export const PROVISION_PATTERNS = ['single_vendor', 'prime_with_subcontractors', 'separate_contracts'] as const;
export type TProvisionPattern = (typeof PROVISION_PATTERNS)[number];

export const ENGAGEMENT_STATUSES = ['drafting', 'negotiating', 'signing', 'executed', 'amending'] as const;
export type TEngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const PROPOSAL_STATUSES = ['open', 'agreed', 'rejected', 'withdrawn', 'superseded'] as const;
export type TProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_RESPONSES = ['accept', 'reject'] as const;
export type TProposalResponse = (typeof PROPOSAL_RESPONSES)[number];

/** 初回確認 answer: はい / いいえ. */
export const FIRST_CHECK_ANSWERS = ['yes', 'no'] as const;
export type TFirstCheckAnswer = (typeof FIRST_CHECK_ANSWERS)[number];

export const ORGANIZATION_KINDS = ['hospital', 'vendor'] as const;
export type TOrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** 確認表 Part1: items the hospital leads. Part2: items hospital and vendor settle together. */
export const KAKUNINHYO_PARTS = [1, 2] as const;
export type TKakuninhyoPart = (typeof KAKUNINHYO_PARTS)[number];

export const FINDING_SEVERITIES = ['blocking', 'warning'] as const;
export type TFindingSeverity = (typeof FINDING_SEVERITIES)[number];
