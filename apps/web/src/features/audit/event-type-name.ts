import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

/** Every event type the audit screen names (each has an `eventType.<type>` message), grouped by family for the filter. */
export const EVENT_TYPES = [
  'engagement.created',
  'engagement.updated',
  'engagement.status_changed',
  'engagement.archived',
  'party.created',
  'party.updated',
  'signatory.granted',
  'signatory.revoked',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'asset.created',
  'asset.updated',
  'asset.deleted',
  'duty.added',
  'duty.imported',
  'duty.not_applicable',
  'duty.reopened',
  'duty.edited',
  'proposal.created',
  'proposal.countered',
  'proposal.accepted',
  'proposal.rejected',
  'proposal.withdrawn',
  'cell.agreed',
  'cell.not_applicable',
  'cell.reopened',
  'cell.reviewed',
  'comment.created',
  'revision.frozen',
  'revision.executed',
  'revision.superseded',
  'signature.created',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_FAMILIES = [...new Set(EVENT_TYPES.map((t) => t.split('.')[0] as EventFamily))];
export type EventFamily = EventType extends `${infer F}.${string}` ? F : never;

/**
 * A readable name for an event type (`proposal.accepted` → 「提案を承諾」);
 * a type this build does not know yet shows its code rather than nothing.
 */
export const useEventTypeName = () => {
  const { t } = useI18n();
  return (type: string): string => {
    const key = `eventType.${type}` as MessageKey;
    const text = t(key);
    return text === undefined || text === key ? type : text;
  };
};
