import type { Translate } from '../../i18n/i18n.tsx';

const REVIEW_FIELDS = ['firstCheckAnswer', 'firstCheckOn', 'completedOn', 'notes'] as const;

/** A 初回確認 change in words ("初回確認: はい, 確認日: 2026/11/02"), never the raw `key=value` record (issue 16, bug 6). */
export const reviewChangeText = (changes: Record<string, unknown>, t: Translate, fmtDate: (iso: string) => string): string =>
  REVIEW_FIELDS.filter((k) => k in changes)
    .map((k) => {
      const v = changes[k];
      const shown = v === null || v === '' ? t('panel.history.cleared') : k === 'firstCheckAnswer' ? (v === 'yes' ? t('common.yes') : t('common.no')) : k === 'notes' ? String(v) : fmtDate(String(v));
      return `${t(`panel.history.${k}`)}: ${shown}`;
    })
    .join(', ');
