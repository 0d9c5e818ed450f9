import { useState } from 'react';
import { type TRevisionView, standingLabel } from '@bunkai/domain';
import { downloadFile, isApiError } from '../../api/client.ts';
import { useGetProgress } from '../../api/cells/queries.ts';
import { useListFindings } from '../../api/findings/queries.ts';
import { useFreezeRevision } from '../../api/revisions/mutations.ts';
import { useListRevisions } from '../../api/revisions/queries.ts';
import { ErrorMessage, Empty, QueryState } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { ChangesSinceSigned } from './changes-since-signed.tsx';
import { RevisionRedline } from './revision-redline.tsx';
import { SignDialog } from './sign-dialog.tsx';
import './signoff.css';

type Blockers = { blocking: number; open: number; unjoined: string[] };

const useBlockers = (engagementId: string): Blockers | null => {
  const eng = useEngagement();
  const progress = useGetProgress(engagementId);
  const findings = useListFindings(engagementId);
  if (!progress.data || !findings.data) return null;
  const p = progress.data;
  return {
    blocking: findings.data.counts.blocking,
    open: p.applicable - p.agreed,
    unjoined: eng.parties.filter((x) => x.organizationId === null && x.role !== 'observer').map((x) => x.displayName),
  };
};

/** What blocks the freeze, known before asking, plus the API's own list when it refuses (409 freeze_blocked). */
const FreezeCard = ({ engagementId }: { engagementId: string }) => {
  const { t } = useI18n();
  const blockers = useBlockers(engagementId);
  const freeze = useFreezeRevision(engagementId);
  const toast = useToast();
  const blocked = !!blockers && (blockers.blocking > 0 || blockers.open > 0 || blockers.unjoined.length > 0);
  const apiBlock = isApiError(freeze.error) && freeze.error.code === 'freeze_blocked' ? (freeze.error.details as { openCells?: { cellId: string; dutyCode: string; assetName: string | null }[] }) : null;
  return (
    <section className="card" aria-labelledby="freeze-h">
      <h2 id="freeze-h">{t('signoff.freeze')}</h2>
      <p className="muted">{t('signoff.freezeHelp')}</p>
      {blocked && blockers ? (
        <div className="alert alert-warn" role="status">
          <div className="alert-body">
            <strong>{t('signoff.blocked')}</strong>
            <ul className="blockers">
              {blockers.blocking > 0 ? (
                <li>
                  <Link to={`/engagements/${engagementId}/findings`}>{t('signoff.blockedFindings', { n: blockers.blocking })}</Link>
                </li>
              ) : null}
              {blockers.open > 0 ? (
                <li>
                  <Link to={`/engagements/${engagementId}/matrix?status=unassigned,proposed,disputed`}>{t('signoff.blockedCells', { n: blockers.open })}</Link>
                </li>
              ) : null}
              {blockers.unjoined.map((n) => (
                <li key={n}>
                  {n}: {t('overview.placeholder')}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <ErrorMessage error={freeze.error}>
        {apiBlock?.openCells?.length ? (
          <ul className="blockers">
            {apiBlock.openCells.slice(0, 10).map((c) => (
              <li key={c.cellId}>
                <Link to={`/engagements/${engagementId}/matrix?cell=${c.cellId}`}>
                  {c.dutyCode} / {c.assetName ?? t('matrix.engagementWide')}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </ErrorMessage>
      <button type="button" className="btn btn-primary" disabled={blocked || freeze.isPending} onClick={() => freeze.mutate(undefined, { onSuccess: (r) => toast.push(t('signoff.frozen', { n: r.revision.number }), 'success') })}>
        {t('signoff.freeze')}
      </button>
    </section>
  );
};

const Annex = ({ path, label, name }: { path: string; label: string; name: string }) => {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadFile(path, name)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        ⤓ {label}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
};

const RevisionCard = ({ r, onSign }: { r: TRevisionView; onSign: (partyId: string) => void }) => {
  const { t, locale, fmtDateTime } = useI18n();
  const eng = useEngagement();
  const mySignatory = eng.engagement.myRoles.includes('signatory');
  return (
    <li className={`revision rev-${r.status}`} data-testid={`revision-${r.number}`}>
      <div className="revision-head">
        <h3>{t('signoff.revision', { n: r.number })}</h3>
        <span className={`badge rev-badge-${r.status}`}>{t(`signoff.status.${r.status}`)}</span>
        <span className="muted small">{fmtDateTime(r.frozenAt)}</span>
        <span className="spacer" />
        <Annex path={`/api/v1/revisions/${r.id}/annex.docx`} label={r.status === 'executed' ? t('signoff.annexSigned') : t('signoff.annexRevision')} name={`annex-r${r.number}.docx`} />
        <Annex path={`/api/v1/revisions/${r.id}/export.json`} label="JSON" name={`revision-${r.number}.json`} />
      </div>
      <div className="hash-line">
        <span className="muted small">{t('signoff.hash')}</span> <code className="hash" data-testid="revision-hash">{r.sha256}</code>
      </div>
      <p className="small" data-testid="revision-standing" data-standing={r.standing.kind}>
        <span className="muted">{t('verify.standing')}</span> <strong>{standingLabel(r.standing)[locale]}</strong>
      </p>
      {r.standing.kind === 'executed_current' ? <p className="note note-ok">✓ {t('signoff.executedBanner')}</p> : null}
      <table className="table sig-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.parties')}</th>
            <th scope="col">{t('signoff.signatures')}</th>
            <th scope="col">{t('signoff.seal')}</th>
            <th scope="col" aria-label={t('signoff.sign')} />
          </tr>
        </thead>
        <tbody>
          {r.signingParties.map((p) => {
            const sig = r.signatures.find((s) => s.partyId === p.partyId);
            const canSign = !sig && r.status === 'frozen' && mySignatory && eng.myPartyId === p.partyId;
            return (
              <tr key={p.partyId}>
                <td>{p.displayName}</td>
                <td>{sig ? <span className="sig-ok">✓ {t('signoff.signedBy', { name: sig.signerName, time: fmtDateTime(sig.signedAt) })}</span> : <span className="muted">{t('signoff.notSigned')}</span>}</td>
                <td>{sig ? <code className="hash-short" title={sig.seal}>{sig.seal.slice(0, 12)}… {sig.sealValid ? '✓' : '✗'}</code> : '—'}</td>
                <td>
                  {canSign ? (
                    <button type="button" className="btn btn-primary btn-small" onClick={() => onSign(p.partyId)}>
                      {t('signoff.sign')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </li>
  );
};

/** 版と署名: freeze (with what blocks it), revisions with hashes and signatures, signing, annex downloads. */
export const SignoffPage = ({ engagementId }: { engagementId: string }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const q = useListRevisions(engagementId);
  const [signing, setSigning] = useState<{ revision: TRevisionView; partyId: string } | null>(null);
  const isOwner = eng.can('revision:freeze');
  const latest = q.data?.revisions.reduce<TRevisionView | null>((a, r) => (!a || r.number > a.number ? r : a), null) ?? null;
  const needsFreeze = isOwner && (!latest || !latest.matchesLive);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h2>{t('signoff.title')}</h2>
          <p className="muted">{t('signoff.subtitle')}</p>
        </div>
        <Annex path={`/api/v1/engagements/${engagementId}/annex.docx`} label={t('signoff.annexDraft')} name="annex-draft.docx" />
      </div>
      <div className="signoff-grid">
        <div>
          {needsFreeze ? <FreezeCard engagementId={engagementId} /> : null}
          <section aria-labelledby="revs-h">
            <h2 id="revs-h" className="section-title">
              {t('signoff.revisions')}
            </h2>
            <QueryState query={q}>
              {() =>
                q.data && q.data.revisions.length ? (
                  <ul className="revisions">
                    {[...q.data.revisions]
                      .sort((a, b) => b.number - a.number)
                      .map((r) => (
                        <RevisionCard key={r.id} r={r} onSign={(partyId) => setSigning({ revision: r, partyId })} />
                      ))}
                  </ul>
                ) : (
                  <Empty title={t('signoff.noRevisions')} />
                )
              }
            </QueryState>
          </section>
        </div>
        <div>
          {eng.myPartyId ? <ChangesSinceSigned engagementId={engagementId} partyId={eng.myPartyId} /> : null}
          {!eng.engagement.myRoles.includes('signatory') ? <p className="muted small">{t('signoff.notSignatory')}</p> : null}
        </div>
      </div>
      {q.data && q.data.revisions.length >= 2 ? <RevisionRedline engagementId={engagementId} revisions={q.data.revisions} /> : null}
      {signing ? <SignDialog engagementId={engagementId} revision={signing.revision} partyId={signing.partyId} partyName={eng.partyName(signing.partyId)} onClose={() => setSigning(null)} /> : null}
    </div>
  );
};
