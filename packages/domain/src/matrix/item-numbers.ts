import type { TDutyDefinition } from '../model/duty.ts';

type TNumbered = Pick<TDutyDefinition, 'code' | 'kakuninhyoPart' | 'order'>;

/**
 * The catalog's own item numbers (項番) for a list of duties: `P1-001`, `P1-002`, … `P2-001`, by
 * position inside each part in 確認表 order (part, order, code). Positions, not the raw sort keys:
 * a template that moves a duty first gives it order 0, and 「1-0」 reads as a typo. The `P` prefix
 * keeps spreadsheets from reading the number as a date (Excel turns 「1-30」 into 1月30日). These
 * are not official 確認表 numbers; a duty's `kakuninhyoItem` carries those where known.
 */
export function catalogItemNumbers<T extends TNumbered>(duties: readonly T[]): Map<string, string> {
  const sorted = [...duties].sort((a, b) => a.kakuninhyoPart - b.kakuninhyoPart || a.order - b.order || a.code.localeCompare(b.code));
  const seen: Record<number, number> = {};
  const numbers = new Map<string, string>();
  for (const d of sorted) {
    const n = (seen[d.kakuninhyoPart] = (seen[d.kakuninhyoPart] ?? 0) + 1);
    numbers.set(d.code, `P${d.kakuninhyoPart}-${String(n).padStart(3, '0')}`);
  }
  return numbers;
}
