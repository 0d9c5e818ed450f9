import type { Paragraph } from 'docx';
import type { TSectionContext } from '../annex-model.ts';
import { COLORS, heading, para, pt } from '../text.ts';

/** 参考文献: every catalog document cited in 根拠, with the short name the citations use. */
export const referencesSection = ({ model, bilingual }: TSectionContext, no: number): Paragraph[] => [
  heading({ ja: `${no}. 参考文献`, en: 'References' }, bilingual),
  para('責任分担表の「根拠」欄は、以下の文献を略称で引用している。', { size: pt(9), color: COLORS.muted }, { spacing: { after: 80 } }),
  ...(model.bibliography.length
    ? model.bibliography.map((b, i) => para(`[${i + 1}] ${b.shortTitle}：${b.entry}`, { size: pt(9) }, { indent: { left: 360, hanging: 360 }, spacing: { after: 60 } }))
    : [para('（カタログの文献の引用なし）', { size: pt(9) })]),
];
