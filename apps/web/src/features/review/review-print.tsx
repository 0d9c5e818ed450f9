import type { TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { lettersOf, todayIso } from '../matrix/matrix-model.ts';

/** The 初回確認 list on paper (A4 landscape, print.css): every item of the walk with its split and record, header row repeated per page. */
export const ReviewPrintTable = ({ m, items, title }: { m: TMatrixResponse; items: TMatrixCell[]; title: string }) => {
  const { t, loc, fmtDate } = useI18n();
  const duty = new Map(m.duties.map((d) => [d.id, d]));
  const asset = new Map(m.assets.map((a) => [a.id, a.name]));
  const answer = (a: TMatrixCell['kickoff']['firstCheckAnswer']) => (a === 'yes' ? t('common.yes') : a === 'no' ? t('common.no') : '');
  return (
    <div className="print-only print-sheet" data-testid="review-print">
      <h1 className="print-title">
        {title} — {t('print.kickoffTitle')} <span className="print-date">{fmtDate(todayIso())}</span>
      </h1>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('review.item')}</th>
            <th scope="col">{t('matrix.duty')}</th>
            <th scope="col">{t('print.asset')}</th>
            <th scope="col">{t('review.roles')}</th>
            <th scope="col">{t('review.firstCheck')}</th>
            <th scope="col">{t('review.firstCheckOn')}</th>
            <th scope="col">{t('review.completedOn')}</th>
            <th scope="col">{t('review.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const d = duty.get(c.dutyId);
            const a = c.assignment ?? c.openProposal?.assignment ?? null;
            const roles = m.parties
              .map((p) => ({ p, l: lettersOf(a, p.id).join('') }))
              .filter((x) => x.l)
              .map((x) => `${x.p.displayName} ${x.l}`)
              .join(' / ');
            return (
              <tr key={c.id}>
                <td>
                  <code>{d?.code}</code>
                </td>
                <td>{d ? loc(d.title) : ''}</td>
                <td>{c.assetId ? asset.get(c.assetId) : t('matrix.engagementWide')}</td>
                <td>{roles || '—'}</td>
                <td>{answer(c.kickoff.firstCheckAnswer)}</td>
                <td>{c.kickoff.firstCheckOn ? fmtDate(c.kickoff.firstCheckOn) : ''}</td>
                <td>{c.kickoff.completedOn ? fmtDate(c.kickoff.completedOn) : ''}</td>
                <td>{c.kickoff.notes}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
