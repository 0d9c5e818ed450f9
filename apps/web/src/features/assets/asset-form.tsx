import type { FormEvent, ReactNode } from 'react';
import { ASSET_CATEGORIES, LIMITS, type TAsset, type TAssetCategory, type TAssetInput, type TParty, type TUpdateAssetRequest } from '@bunkai/domain';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** What the form edits: selects and date inputs hold '' for "not set". */
export type AssetDraft = {
  name: string;
  category: TAssetCategory;
  ownerPartyId: string;
  vendor: string;
  model: string;
  assetVersion: string;
  supportEndsOn: string;
};

export const emptyDraft = (): AssetDraft => ({ name: '', category: 'server', ownerPartyId: '', vendor: '', model: '', assetVersion: '', supportEndsOn: '' });

export const draftOf = (a: TAsset): AssetDraft => ({
  name: a.name,
  category: a.category,
  ownerPartyId: a.ownerPartyId ?? '',
  vendor: a.vendor,
  model: a.model,
  assetVersion: a.assetVersion,
  supportEndsOn: a.supportEndsOn ?? '',
});

export const inputOf = (d: AssetDraft): TAssetInput => ({
  name: d.name.trim(),
  category: d.category,
  ownerPartyId: d.ownerPartyId || null,
  vendor: d.vendor.trim(),
  model: d.model.trim(),
  assetVersion: d.assetVersion.trim(),
  supportEndsOn: d.supportEndsOn || null,
});

/** A PATCH body with only the fields that changed, and the version the user saw. */
export const changesOf = (a: TAsset, d: AssetDraft): TUpdateAssetRequest => {
  const next = inputOf(d);
  const body: TUpdateAssetRequest = { version: a.version };
  if (next.name !== a.name) body.name = next.name;
  if (next.category !== a.category) body.category = next.category;
  if (next.ownerPartyId !== a.ownerPartyId) body.ownerPartyId = next.ownerPartyId;
  if (next.vendor !== a.vendor) body.vendor = next.vendor;
  if (next.model !== a.model) body.model = next.model;
  if (next.assetVersion !== a.assetVersion) body.assetVersion = next.assetVersion;
  if (next.supportEndsOn !== a.supportEndsOn) body.supportEndsOn = next.supportEndsOn;
  return body;
};

/** The fields of one asset, shared by the add and edit dialogs. */
export const AssetForm = ({
  draft,
  parties,
  onChange,
  onSubmit,
  submitLabel,
  pending,
  onCancel,
  children,
}: {
  draft: AssetDraft;
  parties: readonly TParty[];
  onChange: (d: AssetDraft) => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  children?: ReactNode;
}) => {
  const { t } = useI18n();
  const set = <K extends keyof AssetDraft>(k: K, v: AssetDraft[K]) => onChange({ ...draft, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="form" onSubmit={submit}>
      <Field label={`${t('assets.name')}${t('common.paren', { text: t('common.required') })}`}>{(id) => <input id={id} required maxLength={LIMITS.name} value={draft.name} onChange={(e) => set('name', e.target.value)} />}</Field>
      <div className="grid-2">
        <Field label={t('assets.category')}>
          {(id) => (
            <select id={id} value={draft.category} onChange={(e) => set('category', e.target.value as TAssetCategory)}>
              {ASSET_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`assetCategory.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('assets.owner')}>
          {(id) => (
            <select id={id} value={draft.ownerPartyId} onChange={(e) => set('ownerPartyId', e.target.value)}>
              <option value="">{t('assets.noOwner')}</option>
              {parties.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}{t('common.paren', { text: t(`partyRole.${p.role}`) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="grid-3">
        <Field label={`${t('assets.vendor')}${t('common.paren', { text: t('common.optional') })}`}>{(id) => <input id={id} maxLength={LIMITS.short} value={draft.vendor} onChange={(e) => set('vendor', e.target.value)} />}</Field>
        <Field label={`${t('assets.model')}${t('common.paren', { text: t('common.optional') })}`}>{(id) => <input id={id} maxLength={LIMITS.short} value={draft.model} onChange={(e) => set('model', e.target.value)} />}</Field>
        <Field label={`${t('assets.version')}${t('common.paren', { text: t('common.optional') })}`}>{(id) => <input id={id} maxLength={LIMITS.short} value={draft.assetVersion} onChange={(e) => set('assetVersion', e.target.value)} />}</Field>
      </div>
      <Field label={`${t('assets.supportEnd')}${t('common.paren', { text: t('common.optional') })}`}>{(id) => <input id={id} type="date" value={draft.supportEndsOn} onChange={(e) => set('supportEndsOn', e.target.value)} />}</Field>
      {children}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending || !draft.name.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
};
