import type { TCanonicalRevision } from '@bunkai/domain';

/**
 * A party's key in an older revision. Keys are positional, so a party keeps
 * its key unless parties were reordered; when the key now names another party
 * (by role and organization), look the party up by role and organization.
 */
export const partyKeyInRevision = (before: TCanonicalRevision, after: TCanonicalRevision, keyAfter: string | null): string | null => {
  if (keyAfter === null) return null;
  const now = after.parties.find((p) => p.key === keyAfter);
  if (!now) return null;
  const sameParty = (p: TCanonicalRevision['parties'][number]) => p.role === now.role && p.organizationName === now.organizationName;
  const atSameKey = before.parties.find((p) => p.key === keyAfter);
  if (atSameKey && sameParty(atSameKey)) return keyAfter;
  return before.parties.find(sameParty)?.key ?? atSameKey?.key ?? null;
};
