import { useRef, useState } from 'react';
import { IMPORT_MAX_BYTES, IMPORT_PROFILES, type TImportProfile, type TImportRowError } from '@bunkai/domain';
import { downloadFile, isApiError } from '../../api/client.ts';
import { useImportDuties } from '../../api/duties/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Base64 of the file's bytes for the JSON import body (the API also takes raw bodies; JSON keeps one client path). */
const base64Of = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** The problems of one import, one row of the file per table row with each of its problems beside it. */
export const ImportReport = ({ rows, fileName }: { rows: readonly TImportRowError[]; fileName: string }) => {
  const { t } = useI18n();
  const byRow = new Map<number, TImportRowError[]>();
  for (const r of rows) byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
  return (
    <div className="alert alert-error import-report" role="alert">
      <p>{t('duties.import.invalid', { file: fileName, n: rows.length })}</p>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="sr-only">{t('duties.import.reportCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('duties.import.row')}</th>
              <th scope="col">{t('duties.import.column')}</th>
              <th scope="col">{t('duties.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {[...byRow.entries()]
              .sort(([a], [b]) => a - b)
              .flatMap(([row, problems]) =>
                problems.map((p, j) => (
                  <tr key={`${row}:${j}`} data-row={row}>
                    {j === 0 ? (
                      <th scope="row" rowSpan={problems.length}>
                        {row}
                      </th>
                    ) : null}
                    <td>
                      <code>{p.column}</code>
                    </td>
                    <td>{p.message}</td>
                  </tr>
                )),
              )}
          </tbody>
        </table>
      </div>
    </div>
  );
};

/** 取込・出力: the matrix and the duties out as CSV / Excel, duties in from CSV or .xlsx (owner). */
export const DutiesExchange = ({ engagementId, canImport, fileStem }: { engagementId: string; canImport: boolean; fileStem: string }) => {
  const { t } = useI18n();
  const toast = useToast();
  const imp = useImportDuties(engagementId);
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  const [profile, setProfile] = useState<TImportProfile>('duties');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const rows = isApiError(imp.error) && imp.error.code === 'import_invalid' ? ((imp.error.details as { rows?: TImportRowError[] } | null)?.rows ?? []) : null;

  const exportMatrix = (format: 'csv' | 'xlsx') => {
    setDownloadError(null);
    downloadFile(`/api/v1/engagements/${engagementId}/export.${format}`, `${fileStem}.${format}`).catch(setDownloadError);
  };
  // The server writes the duties in exactly the import layout (docs/import-format.md), so the file imports back unchanged.
  const exportDuties = (format: 'csv' | 'xlsx') => {
    setDownloadError(null);
    downloadFile(`/api/v1/engagements/${engagementId}/duties/export.${format}`, `${fileStem}-duties.${format}`).catch(setDownloadError);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    imp.reset();
    const format = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
    if (file.size > IMPORT_MAX_BYTES) return toast.push(t('duties.import.tooLarge'), 'error');
    imp.mutate({ format, contentBase64: await base64Of(file), profile }, { onSuccess: (r) => toast.push(t('duties.import.done', { n: r.imported, cells: r.cells }), 'success') });
    if (input.current) input.current.value = '';
  };

  return (
    <section className="card duties-exchange" aria-labelledby="duties-exchange-h">
      <h3 id="duties-exchange-h">{t('duties.exchange.title')}</h3>
      <div className="exchange-cols">
        <div>
          <div className="mini-label">{t('duties.exchange.export')}</div>
          <div className="btn-row">
            <button type="button" className="btn btn-small" onClick={() => exportMatrix('xlsx')}>
              {t('duties.exchange.matrixXlsx')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => exportMatrix('csv')}>
              {t('duties.exchange.matrixCsv')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => exportDuties('xlsx')}>
              {t('duties.exchange.dutiesXlsx')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => exportDuties('csv')}>
              {t('duties.exchange.dutiesCsv')}
            </button>
          </div>
          <ErrorMessage error={downloadError} />
        </div>
        {canImport ? (
          <div>
            <fieldset className="import-profile" disabled={imp.isPending}>
              <legend className="mini-label">{t('duties.import.profile')}</legend>
              {IMPORT_PROFILES.map((p) => (
                <label key={p} className="check">
                  <input
                    type="radio"
                    name="duties-import-profile"
                    value={p}
                    checked={profile === p}
                    onChange={() => {
                      setProfile(p);
                      imp.reset();
                    }}
                  />{' '}
                  {t(p === 'kakuninhyo' ? 'duties.import.profileKakuninhyo' : 'duties.import.profileDuties')}
                </label>
              ))}
            </fieldset>
            <label className="mini-label" htmlFor="duties-import-file">
              {t('duties.import.label')}
            </label>
            <input ref={input} id="duties-import-file" type="file" accept=".csv,.xlsx,text/csv" disabled={imp.isPending} aria-describedby="duties-import-hint" onChange={(e) => void onFile(e.target.files?.[0])} />
            <p id="duties-import-hint" className="field-hint">
              {t(profile === 'kakuninhyo' ? 'duties.import.hintKakuninhyo' : 'duties.import.hint')}
            </p>
          </div>
        ) : null}
      </div>
      {rows ? <ImportReport rows={rows} fileName={fileName} /> : <ErrorMessage error={imp.error} />}
    </section>
  );
};
