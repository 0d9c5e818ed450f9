import type { TEngagementStatus } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';

export const EngagementStatusBadge = ({ status }: { status: TEngagementStatus }) => {
  const { t } = useI18n();
  return <span className={`badge badge-eng-${status}`}>{t(`engagementStatus.${status}`)}</span>;
};

/** A thin progress bar with its numbers next to it (the numbers are what screen readers get). */
export const ProgressBar = ({ value, total, label }: { value: number; total: number; label: string }) => {
  const pct = total > 0 ? Math.round((value / total) * 100) : 0;
  return (
    <div className="progress" title={`${label}: ${value} / ${total}`}>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={value}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-num">
        {value}
        <span className="muted"> / {total}</span>
      </span>
    </div>
  );
};
