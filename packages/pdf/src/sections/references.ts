import type { TAnnexModel } from '@bunkai/docx';
import { type Doc, heading, paragraph } from '../layout.ts';

/** 参考文献: every catalog document cited in 根拠, with the short name the citations use (as the .docx lists them). */
export const drawReferences = (doc: Doc, model: TAnnexModel, no: number): void => {
  heading(doc, `${no}. 参考文献`, 'References');
  paragraph(doc, '責任分担表の「根拠」欄は、以下の文献を略称で引用している。', { size: 9, gap: 6 });
  if (model.bibliography.length === 0) paragraph(doc, '（カタログの文献の引用なし）', { size: 9 });
  model.bibliography.forEach((b, i) => paragraph(doc, `[${i + 1}] ${b.shortTitle}：${b.entry}`, { size: 9, gap: 3 }));
};
