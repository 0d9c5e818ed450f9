import type { TAnnexCell, TTermKey } from '@bunkai/docx';

/** 条件 and 対象 follow the .docx format 3's rules (one implementation, in @bunkai/docx): the same words in both formats. */
export { byDuty, commonTerms, targetLine, termsLine, type TDutyRows, type TTermKey } from '@bunkai/docx';

/** A cell's printed terms (条件), keyed as the .docx keys them. */
export const termsOf = (cell: TAnnexCell | null): Map<TTermKey, string> => {
  const t = cell?.terms;
  return new Map<TTermKey, string>(t ? ([['responseTime', t.responseTime], ['frequency', t.frequency], ['evidence', t.evidence], ['remarks', t.remarks]] as const) : []);
};
