import { type TVerifyResponse, standingLabel } from '@bunkai/domain';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

/** Differences shown on the page; the API answers at most 20. */
const SHOWN_DIFFERENCES = 10;

const HEADLINE: Record<TVerifyResponse['verdict'], MessageKey> = {
  exact: 'verify.verdict.exact',
  same_content: 'verify.verdict.sameContent',
  content_differs: 'verify.verdict.contentDiffers',
  unknown_revision: 'verify.verdict.unknownRevision',
  not_an_annex: 'verify.verdict.notAnAnnex',
};

/**
 * What the server checked, in the reader's language, derived from what the answer shows it got to: the hash
 * (always), the content against the re-built annex (a .docx whose revision was found), then standing and seals.
 */
export const checksOf = (r: TVerifyResponse): MessageKey[] => {
  const keys: MessageKey[] = [r.source === 'json' ? 'verify.check.jsonHash' : 'verify.check.docxHash'];
  if (!r.revision) return keys;
  if (r.source === 'docx') keys.push('verify.check.docxContent');
  keys.push('verify.check.standing', 'verify.check.seals');
  return keys;
};

/** The answer of 検証: verdict, the revision's standing (版の効力), the first differences and what was checked. */
export const VerifyResult = ({ r }: { r: TVerifyResponse }) => {
  const { t, locale, fmtDateTime } = useI18n();
  const contentOk = r.verdict === 'exact' || r.verdict === 'same_content';
  const tone = r.match ? 'is-match' : contentOk ? 'is-warning' : 'is-nomatch';
  const differences = r.differences ?? [];
  return (
    <section className={`card verify-result ${tone}`} role="status" data-testid="verify-result" data-verdict={r.verdict}>
      <h2>
        {r.match ? '✓' : contentOk ? '⚠' : '✗'} {t(HEADLINE[r.verdict], { engagement: r.engagement?.title ?? '', n: r.revision?.number ?? '' })}
      </h2>
      {r.standing ? (
        <p className="verify-standing" data-testid="verify-standing" data-standing={r.standing.kind}>
          <span className="muted small">{t('verify.standing')}</span> <strong>{standingLabel(r.standing)[locale]}</strong>
          {contentOk && !r.match ? <span className="verify-warning"> — {t('verify.notInForce')}</span> : null}
        </p>
      ) : null}
      <p>{r.message}</p>
      {differences.length ? (
        <>
          <h3>{t('verify.differences', { shown: Math.min(SHOWN_DIFFERENCES, differences.length), total: differences.length })}</h3>
          <table className="table verify-differences">
            <thead>
              <tr>
                <th>{t('verify.diff.section')}</th>
                <th>{t('verify.diff.item')}</th>
                <th>{t('verify.diff.column')}</th>
                <th>{t('verify.diff.expected')}</th>
                <th>{t('verify.diff.found')}</th>
              </tr>
            </thead>
            <tbody>
              {differences.slice(0, SHOWN_DIFFERENCES).map((d, i) => (
                <tr key={i}>
                  <td>{d.section}</td>
                  <td>{d.item ?? '—'}</td>
                  <td>{d.column ?? '—'}</td>
                  <td>
                    <ins>{d.expected}</ins>
                  </td>
                  <td>
                    <del>{d.found}</del>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {r.claimedSha256 ? (
        <div className="hash-line">
          <span className="muted small">{t('signoff.hash')}</span> <code className="hash">{r.claimedSha256}</code>
        </div>
      ) : null}
      {r.signatures?.length ? (
        <>
          <h3>{t('verify.signedBy')}</h3>
          <ul className="members">
            {r.signatures.map((s) => (
              <li key={s.id}>
                <strong>{s.partyDisplayName}</strong> {s.signerName} <span className="muted">{fmtDateTime(s.signedAt)}</span> {s.sealValid ? '✓' : '✗'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('verify.checked')}</h3>
      <ul className="verify-checks" data-testid="verify-checks">
        {checksOf(r).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      {r.source === 'docx' && r.revision ? <p className="muted small">{t('verify.notChecked')}</p> : null}
    </section>
  );
};
