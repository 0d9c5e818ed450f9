import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';

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
