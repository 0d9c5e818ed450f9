import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { catalogItemNumbers, type TFirstCheckAnswer, type TMatrixCell } from '@bunkai/domain';
import { isApiError } from '../../api/client.ts';
import { useReviewCell } from '../../api/cells/mutations.ts';
import { useGetMatrix } from '../../api/cells/queries.ts';
import { Empty, ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { partyColorMap } from '../../components/party-colors.ts';
import { useToast } from '../../components/toast.tsx';
import { usePrinting } from '../../components/use-printing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { AssignmentView } from '../cell-panel/assignment-view.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { countCells, todayIso } from '../matrix/matrix-model.ts';
import { PresenterBar } from './presenter-bar.tsx';
import { reviewItems } from './review-model.ts';
import { Summary } from './review-summary.tsx';
import { ReviewPrintTable } from './review-print.tsx';
import './review.css';

const ItemForm = ({ cell, onSaved }: { cell: TMatrixCell; onSaved: () => void }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const review = useReviewCell(eng.engagement.id);
  const [answer, setAnswer] = useState<TFirstCheckAnswer | null>(cell.kickoff.firstCheckAnswer);
  const [checkedOn, setCheckedOn] = useState(cell.kickoff.firstCheckOn ?? '');
  const [completedOn, setCompletedOn] = useState(cell.kickoff.completedOn ?? '');
  const [completionDueOn, setCompletionDueOn] = useState(cell.completionDueOn ?? '');
  const [dueOn, setDueOn] = useState(cell.dueOn ?? '');
  const [notes, setNotes] = useState(cell.kickoff.notes);
  // R7 checklist: every いいえ needs a target date until it is done (the API answers target_date_required otherwise)
  const needsTarget = answer === 'no' && !completedOn;
  const canWrite = eng.can('cell:review');
  const [confirmClear, setConfirmClear] = useState(false);
  const recorded = cell.kickoff.firstCheckAnswer;
  // Clearing a recorded 初回確認 is its own, confirmed step: a click on the selected answer never erases it (issue 16, bug 1).
  const clear = () =>
    review.mutate(
      { cellId: cell.id, version: cell.version, firstCheckAnswer: null, firstCheckOn: null },
      {
        onSuccess: () => {
          setConfirmClear(false);
          setAnswer(null);
          setCheckedOn('');
        },
      },
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    review.mutate(
      { cellId: cell.id, version: cell.version, firstCheckAnswer: answer, firstCheckOn: answer ? checkedOn || todayIso() : null, completedOn: completedOn || null, completionDueOn: completionDueOn || null, dueOn: dueOn || null, notes },
      { onSuccess: onSaved },
    );
  };
  return (
    <form className="review-form" onSubmit={submit}>
      <fieldset className="review-answer" disabled={!canWrite}>
        <legend>{t('review.firstCheck')}</legend>
        <div className="big-toggle">
          {(['yes', 'no'] as const).map((a) => (
            <button key={a} type="button" className={`btn big ${answer === a ? `is-on is-${a}` : ''}`} aria-pressed={answer === a} onClick={() => setAnswer(a)}>
              {a === 'yes' ? t('common.yes') : t('common.no')}
            </button>
          ))}
        </div>
        {recorded && canWrite && !confirmClear ? (
          <button type="button" className="link-button" onClick={() => setConfirmClear(true)}>
            {t('review.clearCheck')}
          </button>
        ) : null}
      </fieldset>
      {confirmClear && recorded ? (
        <div className="alert alert-warn" role="alertdialog" aria-labelledby="review-clear-q">
          <p id="review-clear-q">{t('review.clearConfirm', { answer: recorded === 'yes' ? t('common.yes') : t('common.no'), date: cell.kickoff.firstCheckOn ?? '—' })}</p>
          <div className="btn-row">
            <button type="button" className="btn btn-danger" disabled={review.isPending} onClick={clear}>
              {t('review.clearConfirmButton')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="review-dates">
        <label className="field">
          <span>{t('review.firstCheckOn')}</span>
          <input type="date" value={checkedOn} disabled={!canWrite} onChange={(e) => setCheckedOn(e.target.value)} />
        </label>
        {/* not a <label>: the 今日 button inside it would take the label's name */}
        <div className="field">
          <label htmlFor={`completed-${cell.id}`}>{t('review.completedOn')}</label>
          <span className="with-button">
            <input id={`completed-${cell.id}`} type="date" value={completedOn} disabled={!canWrite} onChange={(e) => setCompletedOn(e.target.value)} />
            <button type="button" className="btn btn-small" disabled={!canWrite} onClick={() => setCompletedOn(todayIso())}>
              {t('review.today')}
            </button>
          </span>
        </div>
      </div>
      <div className="review-dates">
        <label className="field">
          <span>
            {t('deadline.completionDueOn')}
            {needsTarget ? ` (${t('common.required')})` : ''}
          </span>
          <input type="date" value={completionDueOn} required={needsTarget} disabled={!canWrite} onChange={(e) => setCompletionDueOn(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('deadline.dueOn')}</span>
          <input type="date" value={dueOn} disabled={!canWrite} onChange={(e) => setDueOn(e.target.value)} />
        </label>
      </div>
      {needsTarget && !completionDueOn ? <p className="note note-turn">{t('deadline.targetNeeded')}</p> : null}
      <label className="field">
        <span>{t('review.notes')}</span>
        <textarea rows={2} value={notes} maxLength={4000} disabled={!canWrite} onChange={(e) => setNotes(e.target.value)} />
      </label>
      {isApiError(review.error) && review.error.status === 409 ? <div className="alert alert-warn">{t('panel.conflict')}</div> : <ErrorMessage error={review.error} />}
      {canWrite ? (
        <button type="submit" className="btn btn-primary big" disabled={review.isPending}>
          {t('review.saveNext')} →
        </button>
      ) : (
        <p className="muted">{t('panel.readOnly')}</p>
      )}
    </form>
  );
};

/** 初回確認レビュー: one item at a time in the 責任分担表's order, large type for the meeting-room screen. */
export const ReviewPage = ({ engagementId }: { engagementId: string }) => {
  const { t, loc } = useI18n();
  const eng = useEngagement();
  const toast = useToast();
  const { pathname, search } = useLocation();
  const q = useGetMatrix(engagementId);
  const items = useMemo(() => (q.data ? reviewItems(q.data) : []), [q.data]);
  // The catalog's own 項番, as the matrix, the annex and the exports number the duty.
  const itemNumbers = useMemo(() => catalogItemNumbers(q.data?.duties ?? []), [q.data]);
  const summary = search.get('summary') === '1';
  const i = Math.max(0, Math.min(items.length - 1, Number(search.get('i') ?? 0) || 0));
  const go = (n: number, sum = false) => navigate(`${pathname}?${sum ? 'summary=1' : `i=${n}`}`, { replace: true });
  const colors = useMemo(() => partyColorMap(eng.parties), [eng.parties]);
  // Presenter mode: a follower's page goes to the presenter's item (and leaves the summary for it).
  const follow = useCallback(
    (cellId: string) => {
      const n = items.findIndex((c) => c.id === cellId);
      if (n >= 0) navigate(`${pathname}?i=${n}`, { replace: true });
    },
    [items, pathname],
  );
  const printing = usePrinting();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement).tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || summary) return;
      if (e.key === 'ArrowRight' && i < items.length - 1) go(i + 1);
      if (e.key === 'ArrowLeft' && i > 0) go(i - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="page review-page has-print-sheet">
      <div className="page-head">
        <div>
          <h2>{t('review.title')}</h2>
          <p className="muted">{t('review.subtitle')}</p>
        </div>
        <div className="btn-row">
          <PresenterBar engagementId={engagementId} cellId={summary ? null : (items[i]?.id ?? null)} onFollow={follow} />
          <button type="button" className="btn btn-ghost" onClick={() => window.print()}>
            {t('print.button')}
          </button>
          {summary ? (
            <button type="button" className="btn" onClick={() => go(i)}>
              ← {t('review.backToItems')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  const next = items.findIndex((c, j) => j > i && c.kickoff.firstCheckAnswer === null);
                  go(next >= 0 ? next : Math.max(0, items.findIndex((c) => c.kickoff.firstCheckAnswer === null)));
                }}
              >
                {t('review.jumpOpen')}
              </button>
              <button type="button" className="btn" onClick={() => go(i, true)}>
                {t('review.finish')}
              </button>
            </>
          )}
        </div>
      </div>
      <QueryState query={q}>
        {() => {
          if (!q.data || !items.length) return <Empty title={t('matrix.emptyEngagement')} />;
          if (summary) return <Summary items={items} m={q.data} onJump={(n) => go(n)} />;
          const cell = items[i];
          if (!cell) return null;
          const duty = q.data.duties.find((d) => d.id === cell.dutyId);
          const asset = q.data.assets.find((a) => a.id === cell.assetId);
          if (!duty) return null;
          const assignment = cell.assignment ?? cell.openProposal?.assignment ?? null;
          const counts = countCells(q.data.cells);
          return (
            <div className="review-stage">
              <div className="review-progress" aria-live="polite">
                <span>{t('review.position', { i: i + 1, n: items.length })}</span>
                <span className="muted" data-testid="review-tally">
                  {t('review.tally', { agreed: counts.agreed, checked: counts.firstChecked, n: counts.applicable })}
                </span>
                <div className="progress-track">
                  <div className="progress-fill" style={{ width: `${((i + 1) / items.length) * 100}%` }} />
                </div>
              </div>
              <article className="review-item" aria-labelledby="review-item-title">
                <div className="review-kicker">
                  {t('review.part', { n: duty.kakuninhyoPart })} · {t('review.item')} <code>{itemNumbers.get(duty.code) ?? duty.code}</code> <code className="muted">{duty.code}</code>
                  {duty.kakuninhyoItem ? ` · ${t('matrix.kakuninhyoItem', { n: duty.kakuninhyoItem })}` : ''} · {t(`phase.${duty.phase}`)} · {t(`category.${duty.category}`)}
                </div>
                <h3 id="review-item-title" data-testid="review-item-title" className="review-title">
                  {loc(duty.title)}
                </h3>
                <div className="review-asset">
                  {asset ? asset.name : t('matrix.engagementWide')} <span className={`badge st-badge st-${cell.status}`}>{t(`cellStatus.${cell.status}`)}</span>
                </div>
                <div className="review-cols">
                  {/* the description sits beside the form, not above it, so 保存して次へ stays on a 1366×768 screen */}
                  <div>
                    <p className="review-desc">{loc(duty.description)}</p>
                    <div className="mini-label">{t('review.roles')}</div>
                    {assignment ? <AssignmentView assignment={assignment} parties={eng.parties} colors={colors} /> : <p className="muted">{t('panel.noAgreed')}</p>}
                  </div>
                  <ItemForm
                    key={`${cell.id}:${cell.version}`}
                    cell={cell}
                    onSaved={() => {
                      toast.push(t('review.saved'), 'success');
                      if (i < items.length - 1) go(i + 1);
                      else go(i, true);
                    }}
                  />
                </div>
              </article>
              <div className="review-nav">
                <button type="button" className="btn" disabled={i === 0} onClick={() => go(i - 1)}>
                  ← {t('common.previous')}
                </button>
                <button type="button" className="btn" disabled={i >= items.length - 1} onClick={() => go(i + 1)}>
                  {t('common.next')} →
                </button>
              </div>
            </div>
          );
        }}
      </QueryState>
      {printing && q.data ? <ReviewPrintTable m={q.data} items={items} title={eng.engagement.title} /> : null}
    </div>
  );
};
