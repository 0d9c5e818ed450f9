import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TMatrixCell } from '@bunkai/domain';
import { isApiError } from '../../api/client.ts';
import { patchMatrixCell, useAcceptProposal, useProposeCell, useRejectProposal, useWithdrawProposal } from '../../api/cells/mutations.ts';
import { useGetCell } from '../../api/cells/queries.ts';
import { ErrorMessage, Loading } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { AssignmentView, TermsView } from './assignment-view.tsx';
import { CellComments, CellHistory } from './cell-activity.tsx';
import { ConsentView, consentCounts, onlyInformed } from './consent-view.tsx';
import { Deadlines } from './deadlines-view.tsx';
import { ProposalEditor } from './proposal-editor.tsx';
import './cell-panel.css';

type Mode = 'view' | 'counter' | 'reject';

/**
 * A stale write (409): say so and offer to reload the cell instead of a bare
 * error — beside the button the user just pressed, scrolled into view (issue
 * 16, bug 3: it used to appear at the top of the panel, off-screen).
 */
const Conflict = ({ onReload }: { onReload: () => void }) => {
  const { t } = useI18n();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus();
  }, []);
  return (
    <div className="alert alert-warn" role="alert">
      <div className="alert-body">{t('panel.conflict')}</div>
      <button ref={ref} type="button" className="btn btn-small" onClick={onReload}>
        {t('panel.reloadCell')}
      </button>
    </div>
  );
};

/**
 * セルの詳細: the agreed split and terms, the open proposal with who has
 * accepted and who is still to, and the actions for the caller's party —
 * accept, reject with a reason, counter (role picker), withdraw — then
 * comments and history.
 */
export const CellPanel = ({ cellId, onClose, colors }: { cellId: string; onClose: () => void; colors: Map<string, string> }) => {
  const { t, loc } = useI18n();
  const eng = useEngagement();
  const toast = useToast();
  const q = useGetCell(cellId);
  const qc = useQueryClient();
  const eid = eng.engagement.id;
  const propose = useProposeCell(eid);
  const accept = useAcceptProposal(eid);
  const reject = useRejectProposal(eid);
  const withdraw = useWithdrawProposal(eid);
  const [mode, setMode] = useState<Mode>('view');
  const [rejectReason, setRejectReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setMode('view');
    setRejectReason('');
    for (const m of [propose, accept, reject, withdraw]) m.reset();
    headingRef.current?.focus();
    // the mutations are stable objects per hook; resetting on cell change only
  }, [cellId]);

  const mutations = [propose, accept, reject, withdraw];
  const error = mutations.find((m) => m.error)?.error ?? null;
  const conflict = isApiError(error) && error.status === 409;
  const busy = mutations.some((m) => m.isPending);
  const reload = () => {
    for (const m of mutations) m.reset();
    // back to the cell as it now is (the other party's change on show, with its actions); the reload button is gone, so focus the heading
    setMode('view');
    // the grid shows the same cell: put the fresh one there too
    void q.refetch().then((r) => {
      if (r.data) patchMatrixCell(qc, eid, r.data.cell);
      headingRef.current?.focus();
    });
  };
  // Esc closes the panel wherever focus is (issue 16, bug 5), unless a dialog on top takes it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('[role="dialog"]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const done = (key: 'panel.accepted' | 'panel.rejected' | 'panel.proposed' | 'panel.withdrawn') => (r: { cell: { status: string } }) => {
    setMode('view');
    // the button just pressed is gone after the change: keep focus in the panel, not on <body>
    setTimeout(() => headingRef.current?.focus(), 0);
    toast.push(r.cell.status === 'agreed' && key !== 'panel.withdrawn' ? t('panel.becameAgreed') : t(key), 'success');
  };

  const canWrite = eng.can('cell:propose');
  const me = eng.myPartyId;

  const body = () => {
    if (q.isPending) return <Loading />;
    if (q.error || !q.data) return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />;
    const { cell, duty, asset } = q.data;
    const op = cell.openProposal;
    const iAccepted = !!(op && me && op.acceptedBy.includes(me));
    const iPending = !!(op && me && op.pendingFrom.includes(me));
    const mine = !!(op && me && op.proposerPartyId === me);
    // C/I and unnamed parties comment instead: their accept or reject would not count (decision 0012)
    const counts = !!op && consentCounts(op, me);
    const informedOnly = !!op && onlyInformed(op, me);
    const canWithdraw = !!op && (mine || (op.suggested && eng.can('engagement:update')));
    return (
      <>
        <header className="panel-head">
          <div className="panel-kicker">
            <span className="mx-code">{duty.code}</span> · {t(`phase.${duty.phase}`)} · {t(`category.${duty.category}`)}
          </div>
          <h2 ref={headingRef} tabIndex={-1} id="cell-panel-title">
            {loc(duty.title)}
          </h2>
          <div className="panel-sub">
            <span>{asset ? asset.name : t('matrix.engagementWide')}</span>
            <span className={`badge st-badge st-${cell.status}`}>{t(`cellStatus.${cell.status}`)}</span>
            {cell.findingCodes.map((f) => (
              <span key={f} className="badge badge-finding">
                {t(`finding.${f}`)}
              </span>
            ))}
          </div>
          <Deadlines cell={cell} />
          <details className="panel-desc">
            <summary>{loc(duty.description)}</summary>
          </details>
        </header>

        <section className="panel-section" aria-labelledby="sec-proposal">
          <h3 id="sec-proposal">{t('panel.openProposal')}</h3>
          {op ? (
            <div className="proposal">
              <div className="proposal-by">{op.suggested ? t('panel.suggested') : t('panel.proposedBy', { party: eng.partyName(op.proposerPartyId) })}</div>
              <AssignmentView assignment={op.assignment} parties={eng.parties} colors={colors} />
              <TermsView terms={op.terms} />
              {op.reason && !op.suggested ? (
                <p className="proposal-reason">
                  <span className="muted">{t('panel.reason')}:</span> {op.reason}
                </p>
              ) : null}
              <ConsentView op={op} />
              {cell.status === 'disputed' ? <p className="note note-bad">{t('consent.disputed')}</p> : null}
              {informedOnly ? <p className="note">{t('consent.youInformed')}</p> : null}
              {iAccepted ? <p className="note note-ok">{t('panel.youAccepted')}</p> : iPending ? <p className="note note-turn">{t('panel.yourTurn')}</p> : null}
              {canWrite && mode === 'view' ? (
                <div className="panel-actions">
                  {counts && !iAccepted ? (
                    <button type="button" className="btn btn-primary" disabled={busy} onClick={() => accept.mutate({ proposalId: op.id }, { onSuccess: done('panel.accepted') })}>
                      {t('panel.accept')}
                    </button>
                  ) : null}
                  {counts && !mine ? (
                    <button type="button" className="btn btn-danger-soft" disabled={busy} onClick={() => setMode('reject')}>
                      {t('panel.reject')}
                    </button>
                  ) : null}
                  <button type="button" className="btn" disabled={busy} onClick={() => setMode('counter')}>
                    {t('panel.counter')}
                  </button>
                  {canWithdraw ? (
                    <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => withdraw.mutate({ proposalId: op.id }, { onSuccess: done('panel.withdrawn') })}>
                      {t('panel.withdraw')}
                    </button>
                  ) : null}
                </div>
              ) : null}
              {mode === 'reject' ? (
                <form
                  className="reject-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    reject.mutate({ proposalId: op.id, reason: rejectReason.trim() }, { onSuccess: done('panel.rejected') });
                  }}
                >
                  <label className="field field-compact">
                    <span>{t('panel.rejectReason')}</span>
                    <textarea rows={2} required maxLength={500} autoFocus value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
                  </label>
                  <div className="form-actions">
                    <button type="button" className="btn" onClick={() => setMode('view')}>
                      {t('common.cancel')}
                    </button>
                    <button type="submit" className="btn btn-danger" disabled={busy || !rejectReason.trim()}>
                      {t('panel.rejectSubmit')}
                    </button>
                  </div>
                </form>
              ) : null}
            </div>
          ) : (
            <p className="muted">{t('panel.noProposal')}</p>
          )}
          {canWrite && (mode === 'counter' || (!op && mode === 'view' && cell.status !== 'not_applicable')) ? (
            <Editor cell={cell} colors={colors} counter={mode === 'counter'} pending={propose.isPending} onCancel={mode === 'counter' ? () => setMode('view') : undefined} onSubmit={(d) => propose.mutate({ cellId: cell.id, version: cell.version, ...d }, { onSuccess: done('panel.proposed') })} />
          ) : null}
          {conflict ? <Conflict onReload={reload} /> : <ErrorMessage error={error} />}
          {!canWrite ? <p className="muted">{t('panel.readOnly')}</p> : null}
        </section>

        <section className="panel-section" aria-labelledby="sec-agreed">
          <h3 id="sec-agreed">{t('panel.agreed')}</h3>
          {cell.status === 'not_applicable' ? (
            <p>
              {t('cellStatus.not_applicable')}: {cell.notApplicableReason}
            </p>
          ) : cell.assignment ? (
            <>
              <AssignmentView assignment={cell.assignment} parties={eng.parties} colors={colors} />
              <TermsView terms={cell.terms} />
            </>
          ) : (
            <p className="muted">{t('panel.noAgreed')}</p>
          )}
        </section>

        <CellComments cellId={cell.id} canWrite={eng.can('cell:comment')} />
        <CellHistory cellId={cell.id} />
      </>
    );
  };

  return (
    <aside className="panel" aria-labelledby="cell-panel-title">
      <button type="button" className="btn-icon panel-close" onClick={onClose} aria-label={t('panel.close')}>
        ×
      </button>
      <div className="panel-scroll">{body()}</div>
    </aside>
  );
};

const Editor = ({ cell, colors, counter, pending, onSubmit, onCancel }: { cell: TMatrixCell; colors: Map<string, string>; counter: boolean; pending: boolean; onSubmit: Parameters<typeof ProposalEditor>[0]['onSubmit']; onCancel?: () => void }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const op = cell.openProposal;
  // Proposing on an agreed cell of a signed (executed) engagement amends the contract: say so before anything is sent (issue 16, bug 8).
  const amends = cell.status === 'agreed' && (eng.engagement.status === 'executed' || eng.engagement.status === 'amending');
  return (
    <div className="editor-box">
      <h4>{counter ? t('panel.counter') : t('panel.propose')}</h4>
      {amends ? (
        <div className="alert alert-warn" role="note" data-testid="amend-warning">
          {t('panel.amendsSigned')}
        </div>
      ) : null}
      <ProposalEditor
        key={`${cell.id}:${cell.version}:${counter}`}
        parties={eng.parties}
        colors={colors}
        initial={{ assignment: op?.assignment ?? cell.assignment, terms: op?.terms ?? cell.terms }}
        submitLabel={counter ? t('panel.sendCounter') : t('panel.sendProposal')}
        pending={pending}
        error={null}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </div>
  );
};
