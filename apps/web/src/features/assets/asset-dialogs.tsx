import { useState } from 'react';
import type { TAsset, TParty } from '@bunkai/domain';
import { useCreateAssets, useDeleteAsset, useUpdateAsset } from '../../api/assets/mutations.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AssetForm, changesOf, draftOf, emptyDraft, inputOf } from './asset-form.tsx';

/** 資産を追加: the API creates the asset's cells too. */
export const AddAssetDialog = ({ engagementId, parties, onClose }: { engagementId: string; parties: readonly TParty[]; onClose: () => void }) => {
  const { t } = useI18n();
  const toast = useToast();
  const create = useCreateAssets(engagementId);
  const [draft, setDraft] = useState(emptyDraft);
  const submit = () =>
    create.mutate(inputOf(draft), {
      onSuccess: (r) => {
        toast.push(t('assets.created', { n: r.cellsCreated }), 'success');
        onClose();
      },
    });
  return (
    <Modal title={t('assets.add')} onClose={onClose} wide>
      <AssetForm draft={draft} parties={parties} onChange={setDraft} onSubmit={submit} submitLabel={t('assets.create')} pending={create.isPending} onCancel={onClose}>
        <ErrorMessage error={create.error} />
      </AssetForm>
    </Modal>
  );
};

/**
 * Edits one asset with the version it was read at. When someone else changed
 * it first (409), the message offers to start again from the latest values.
 */
export const EditAssetDialog = ({
  engagementId,
  asset,
  parties,
  onReload,
  onClose,
}: {
  engagementId: string;
  asset: TAsset;
  parties: readonly TParty[];
  onReload: () => Promise<TAsset | null>;
  onClose: () => void;
}) => {
  const { t } = useI18n();
  const toast = useToast();
  const update = useUpdateAsset(engagementId);
  const [base, setBase] = useState(asset);
  const [draft, setDraft] = useState(() => draftOf(asset));
  const stale = isApiError(update.error) && update.error.status === 409 && update.error.code === 'stale_version';
  const submit = () =>
    update.mutate(
      { assetId: base.id, body: changesOf(base, draft) },
      {
        onSuccess: () => {
          toast.push(t('assets.updated'), 'success');
          onClose();
        },
      },
    );
  const reload = async () => {
    const latest = await onReload();
    if (!latest) return onClose();
    update.reset();
    setBase(latest);
    setDraft(draftOf(latest));
  };
  return (
    <Modal title={t('assets.editTitle', { name: base.name })} onClose={onClose} wide>
      <AssetForm draft={draft} parties={parties} onChange={setDraft} onSubmit={submit} submitLabel={t('common.save')} pending={update.isPending} onCancel={onClose}>
        <ErrorMessage error={update.error}>
          {stale ? (
            <button type="button" className="btn btn-small" onClick={() => void reload()}>
              {t('assets.reloadLatest')}
            </button>
          ) : null}
        </ErrorMessage>
      </AssetForm>
    </Modal>
  );
};

/** Owner only: deletes the asset and its cells once confirmed. */
export const DeleteAssetDialog = ({ engagementId, asset, onClose }: { engagementId: string; asset: TAsset; onClose: () => void }) => {
  const { t } = useI18n();
  const toast = useToast();
  const remove = useDeleteAsset(engagementId);
  const confirm = () =>
    remove.mutate(asset.id, {
      onSuccess: () => {
        toast.push(t('assets.deleted'), 'success');
        onClose();
      },
    });
  return (
    <Modal title={t('assets.deleteTitle')} onClose={onClose}>
      <div className="stack">
        <p>{t('assets.deleteConfirm', { name: asset.name })}</p>
        <ErrorMessage error={remove.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={confirm}>
            {t('assets.deleteSubmit')}
          </button>
        </div>
      </div>
    </Modal>
  );
};
