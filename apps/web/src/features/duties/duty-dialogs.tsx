import { useMemo, useState, type FormEvent } from 'react';
import { ASSET_CATEGORIES, DUTY_CATEGORIES, PHASES, type TAssetCategory, type TDuty, type TDutyCategory, type TPhase } from '@bunkai/domain';
import { useCatalogDuties } from '../../api/duties/queries.ts';
import { useAddDuties, useEditDuty, useSetDutyNotApplicable } from '../../api/duties/mutations.ts';
import { ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Close = { onClose: () => void };

/** カタログから追加: the catalog's duties the engagement does not have yet, searchable, several at once. */
export const AddFromCatalogDialog = ({ engagementId, present, onClose }: { engagementId: string; present: ReadonlySet<string> } & Close) => {
  const { t, loc } = useI18n();
  const toast = useToast();
  const q = useCatalogDuties(true);
  const add = useAddDuties(engagementId);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const missing = useMemo(() => (q.data?.duties ?? []).filter((d) => !present.has(d.code)), [q.data, present]);
  const f = filter.trim().toLowerCase();
  const shown = f ? missing.filter((d) => `${d.code} ${d.title.ja} ${d.title.en}`.toLowerCase().includes(f)) : missing;
  const toggle = (code: string) => setPicked((s) => (s.has(code) ? new Set([...s].filter((c) => c !== code)) : new Set([...s, code])));
  return (
    <Modal title={t('duties.addCatalog')} onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate({ catalogCodes: [...picked] }, { onSuccess: (r) => (toast.push(t('duties.added', { n: r.duties.length, cells: r.cellsCreated }), 'success'), onClose()) });
        }}
      >
        <Field label={t('duties.search')}>{(id) => <input id={id} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}</Field>
        <QueryState query={q}>
          {() =>
            missing.length === 0 ? (
              <p className="muted">{t('duties.catalogAllPresent')}</p>
            ) : (
              <fieldset className="catalog-pick">
                <legend className="sr-only">{t('duties.addCatalog')}</legend>
                {shown.map((d) => (
                  <label key={d.code} className="check-row">
                    <input type="checkbox" checked={picked.has(d.code)} onChange={() => toggle(d.code)} />
                    <code>{d.code}</code> {loc(d.title)} <span className="muted">· {t(`phase.${d.phase}`)}</span>
                  </label>
                ))}
              </fieldset>
            )
          }
        </QueryState>
        <ErrorMessage error={add.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!picked.size || add.isPending}>
            {t('duties.addPicked', { n: picked.size })}
          </button>
        </div>
      </form>
    </Modal>
  );
};

/** 独自項目: a duty of the engagement's own; like catalog duties it must cite where it comes from (a contract clause). */
export const CustomDutyDialog = ({ engagementId, onClose }: { engagementId: string } & Close) => {
  const { t } = useI18n();
  const toast = useToast();
  const add = useAddDuties(engagementId);
  const [v, setV] = useState({ code: '', titleJa: '', titleEn: '', descJa: '', descEn: '', phase: 'normal' as TPhase, category: 'governance' as TDutyCategory, part: 2 as 1 | 2, document: '', section: '' });
  const [applies, setApplies] = useState<TAssetCategory[]>([]);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: k === 'part' ? (Number(e.target.value) as 1 | 2) : e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        custom: {
          code: v.code.trim().toUpperCase(),
          title: { ja: v.titleJa, en: v.titleEn || v.titleJa },
          description: { ja: v.descJa, en: v.descEn || v.descJa },
          phase: v.phase,
          category: v.category,
          appliesTo: applies,
          concerns: [],
          kakuninhyoPart: v.part,
          order: 90_000,
          references: [{ document: v.document, section: v.section }],
        },
      },
      { onSuccess: (r) => (toast.push(t('duties.added', { n: 1, cells: r.cellsCreated }), 'success'), onClose()) },
    );
  };
  return (
    <Modal title={t('duties.addCustom')} onClose={onClose} wide>
      <form className="form grid-2" onSubmit={submit}>
        <Field label={t('duties.code')} hint={t('duties.codeHint')}>
          {(id, d) => <input id={id} required maxLength={40} pattern="[A-Za-z0-9][A-Za-z0-9\-]+" aria-describedby={d} value={v.code} onChange={set('code')} />}
        </Field>
        <Field label={t('duties.part')}>
          {(id) => (
            <select id={id} value={v.part} onChange={set('part')}>
              <option value={1}>{t('review.part', { n: 1 })}</option>
              <option value={2}>{t('review.part', { n: 2 })}</option>
            </select>
          )}
        </Field>
        <Field label={t('duties.titleJa')}>{(id) => <input id={id} required maxLength={4000} value={v.titleJa} onChange={set('titleJa')} />}</Field>
        <Field label={t('duties.titleEn')}>{(id) => <input id={id} maxLength={4000} value={v.titleEn} onChange={set('titleEn')} />}</Field>
        <Field label={t('duties.descJa')}>{(id) => <textarea id={id} required rows={3} maxLength={4000} value={v.descJa} onChange={set('descJa')} />}</Field>
        <Field label={t('duties.descEn')}>{(id) => <textarea id={id} rows={3} maxLength={4000} value={v.descEn} onChange={set('descEn')} />}</Field>
        <Field label={t('duties.phase')}>
          {(id) => (
            <select id={id} value={v.phase} onChange={set('phase')}>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {t(`phase.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('duties.category')}>
          {(id) => (
            <select id={id} value={v.category} onChange={set('category')}>
              {DUTY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="span-2 applies-to">
          <legend>{t('duties.appliesTo')}</legend>
          <p className="field-hint">{t('duties.appliesToHint')}</p>
          {ASSET_CATEGORIES.map((c) => (
            <label key={c} className="check-inline">
              <input type="checkbox" checked={applies.includes(c)} onChange={() => setApplies((a) => (a.includes(c) ? a.filter((x) => x !== c) : [...a, c]))} /> {t(`assetCategory.${c}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('duties.refDocument')} hint={t('duties.refHint')}>
          {(id, d) => <input id={id} required maxLength={80} aria-describedby={d} value={v.document} onChange={set('document')} />}
        </Field>
        <Field label={t('duties.refSection')}>{(id) => <input id={id} required maxLength={200} value={v.section} onChange={set('section')} />}</Field>
        <div className="span-2">
          <ErrorMessage error={add.error} />
        </div>
        <div className="form-actions span-2">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t('duties.addCustomSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  );
};

/** Wording only: the code, phase and asset categories decide which cells exist, so they stay. */
export const EditDutyDialog = ({ engagementId, duty, onClose }: { engagementId: string; duty: TDuty } & Close) => {
  const { t } = useI18n();
  const toast = useToast();
  const edit = useEditDuty(engagementId);
  const [title, setTitle] = useState(duty.title);
  const [description, setDescription] = useState(duty.description);
  return (
    <Modal title={t('duties.editTitle', { code: duty.code })} onClose={onClose} wide>
      <form
        className="form grid-2"
        onSubmit={(e) => {
          e.preventDefault();
          edit.mutate({ dutyId: duty.id, body: { version: duty.version, title, description } }, { onSuccess: () => (toast.push(t('duties.saved'), 'success'), onClose()) });
        }}
      >
        <Field label={t('duties.titleJa')}>{(id) => <input id={id} required maxLength={4000} value={title.ja} onChange={(e) => setTitle({ ...title, ja: e.target.value })} />}</Field>
        <Field label={t('duties.titleEn')}>{(id) => <input id={id} required maxLength={4000} value={title.en} onChange={(e) => setTitle({ ...title, en: e.target.value })} />}</Field>
        <Field label={t('duties.descJa')}>{(id) => <textarea id={id} required rows={4} maxLength={4000} value={description.ja} onChange={(e) => setDescription({ ...description, ja: e.target.value })} />}</Field>
        <Field label={t('duties.descEn')}>{(id) => <textarea id={id} required rows={4} maxLength={4000} value={description.en} onChange={(e) => setDescription({ ...description, en: e.target.value })} />}</Field>
        <div className="span-2">
          <ErrorMessage error={edit.error} />
        </div>
        <div className="form-actions span-2">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={edit.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
};

/** 対象外 with the reason the API requires; agreed cells keep their agreement and open proposals are withdrawn — said before it happens. */
export const NotApplicableDialog = ({ engagementId, duty, onClose }: { engagementId: string; duty: TDuty } & Close) => {
  const { t, loc } = useI18n();
  const toast = useToast();
  const mark = useSetDutyNotApplicable(engagementId);
  const [reason, setReason] = useState('');
  return (
    <Modal title={t('duties.naTitle', { code: duty.code })} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          mark.mutate(
            { dutyId: duty.id, body: { version: duty.version, notApplicable: true, reason: reason.trim() } },
            { onSuccess: (r) => (toast.push(t('duties.naDone', { cells: r.cellsChanged, withdrawn: r.proposalsWithdrawn }), 'success'), onClose()) },
          );
        }}
      >
        <p>
          <strong>{loc(duty.title)}</strong>
        </p>
        <p className="muted">{t('duties.naEffect')}</p>
        <Field label={t('duties.naReason')}>{(id) => <textarea id={id} required rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        <ErrorMessage error={mark.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={!reason.trim() || mark.isPending}>
            {t('duties.naSubmit')}
          </button>
        </div>
      </form>
    </Modal>
  );
};
