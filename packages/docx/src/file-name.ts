import type { TAnnexInput } from './annex-input.ts';

/** 「bunkai-annex-<first 8 of the engagement id>-r<N>.docx」, or 「…-draft.docx」 when not frozen. */
export const annexFileName = (input: Pick<TAnnexInput, 'engagement' | 'revision'>): string => {
  const short = input.engagement.id.replace(/[^0-9a-zA-Z]/g, '').slice(0, 8).toLowerCase() || 'engagement';
  const rev = input.revision;
  const draft = !rev || rev.status === 'draft' || !rev.sha256;
  return draft ? `bunkai-annex-${short}-draft.docx` : `bunkai-annex-${short}-r${rev.number}.docx`;
};
