import type { TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { openItems } from './review-model.ts';

/** The end of the kickoff review: what is still open (not agreed, no 初回確認, no 完了日), each a jump back to its item. */
export const Summary = ({ items, m, onJump }: { items: TMatrixCell[]; m: TMatrixResponse; onJump: (i: number) => void }) => {
  const { t, loc } = useI18n();
  const open = openItems(items);
  const duty = new Map(m.duties.map((d) => [d.id, d]));
  const asset = new Map(m.assets.map((a) => [a.id, a]));
  const list = (cells: TMatrixCell[]) => (
    <ul className="open-list">
      {cells.slice(0, 40).map((c) => (
        <li key={c.id}>
          <button type="button" className="link-button" onClick={() => onJump(items.indexOf(c))}>
            <code>{duty.get(c.dutyId)?.code}</code> {loc(duty.get(c.dutyId)?.title ?? { ja: '', en: '' })} / {c.assetId ? asset.get(c.assetId)?.name : t('matrix.engagementWide')}
          </button>
        </li>
      ))}
      {cells.length > 40 ? <li className="muted">… +{cells.length - 40}</li> : null}
    </ul>
  );
  if (!open.notAgreed.length && !open.noFirstCheck.length && !open.noCompletion.length) return <div className="alert alert-ok">✓ {t('review.allDone')}</div>;
  return (
    <div className="review-summary">
      <h2>{t('review.openAtEnd')}</h2>
      <div className="summary-cols">
        {(
          [
            ['review.notAgreed', open.notAgreed],
            ['review.noFirstCheck', open.noFirstCheck],
            ['review.noCompletion', open.noCompletion],
          ] as const
        ).map(([k, cells]) => (
          <section key={k} className="card">
            <h3>
              {t(k)} <span className="count">{cells.length}</span>
            </h3>
            {list(cells)}
          </section>
        ))}
      </div>
    </div>
  );
};
