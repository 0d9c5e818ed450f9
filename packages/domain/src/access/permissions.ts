/**
 * Who may do what inside an engagement. The API enforces it; the web app uses
 * the same table to hide what a user cannot do.
 *
 * - owner: an admin of the hospital organization that owns the engagement;
 * - member: a user of an organization that is a (non-observer) party;
 * - signatory: a member granted the signatory right for its party;
 * - observer: a user of an organization whose party role is `observer` (read-only).
 * Anyone else does not learn that the engagement exists (404).
 */
export const ENGAGEMENT_ROLES = ['owner', 'member', 'signatory', 'observer'] as const;
export type TEngagementRole = (typeof ENGAGEMENT_ROLES)[number];

const READERS = ['owner', 'member', 'signatory', 'observer'] as const;
const WRITERS = ['owner', 'member', 'signatory'] as const;
const OWNER = ['owner'] as const;

export const ENGAGEMENT_PERMISSIONS = {
  'engagement:read': READERS,
  'engagement:update': OWNER,
  'engagement:archive': OWNER,
  'party:manage': OWNER,
  'party:update-own': WRITERS,
  'invitation:create': OWNER,
  'asset:write': WRITERS,
  'asset:delete': OWNER,
  'duty:write': OWNER,
  'cell:propose': WRITERS,
  'cell:respond': WRITERS,
  'cell:comment': WRITERS,
  'cell:review': WRITERS,
  'revision:freeze': OWNER,
  'revision:sign': ['signatory'],
  'webhook:manage': OWNER,
  'audit:read': READERS,
} as const satisfies Record<string, readonly TEngagementRole[]>;
export type TEngagementPermission = keyof typeof ENGAGEMENT_PERMISSIONS;

export const hasEngagementPermission = (roles: readonly TEngagementRole[], permission: TEngagementPermission): boolean =>
  (ENGAGEMENT_PERMISSIONS[permission] as readonly TEngagementRole[]).some((r) => roles.includes(r));

/**
 * What can still be done in an archived engagement (アーカイブ済み): reading it
 * and its audit trail, and the owner's settings change that unarchives it.
 * Every other permission answers 409 `engagement_archived` there.
 */
const WHEN_ARCHIVED: ReadonlySet<TEngagementPermission> = new Set<TEngagementPermission>(['engagement:read', 'engagement:update', 'engagement:archive', 'audit:read']);

export const isAllowedWhenArchived = (permission: TEngagementPermission): boolean => WHEN_ARCHIVED.has(permission);
