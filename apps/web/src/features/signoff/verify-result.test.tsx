import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TVerifyResponse } from '@bunkai/domain';
import { ENGAGEMENT_ID, fid } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { VerifyResult } from './verify-result.tsx';

afterEach(cleanup);

const base: TVerifyResponse = {
  match: true,
  verdict: 'exact',
  source: 'docx',
  reason: 'match',
  message: 'The file is byte for byte the annex Bunkai builds for revision 1.',
  recomputedSha256: null,
  claimedSha256: 'c'.repeat(64),
  engagement: { id: ENGAGEMENT_ID, title: '電子カルテ更新' },
  revision: { id: fid(5, 0), number: 1, status: 'executed', executedAt: '2026-11-02T01:00:00.000Z' },
  signatures: [],
  standing: { kind: 'executed_current', supersededBy: null },
  annexFormat: 2,
  checks: ['x'],
};

describe('VerifyResult (検証の結果)', () => {
  it('an edited annex: the verdict, and the first differences naming section, item and column', () => {
    const r: TVerifyResponse = {
      ...base,
      match: false,
      verdict: 'content_differs',
      reason: 'content_differs',
      differences: [{ section: '責任分担表', item: '2-3', column: '備考', expected: '72時間以内', found: '720日以内' }],
    };
    renderWithProviders(<VerifyResult r={r} />);
    const result = screen.getByTestId('verify-result');
    expect(result.dataset.verdict).toBe('content_differs');
    expect(result.textContent).toContain('内容が異なります');
    const row = within(screen.getByRole('table')).getAllByRole('row')[1]!;
    expect(row.textContent).toBe('責任分担表2-3備考72時間以内720日以内');
    expect(screen.getByTestId('verify-checks').textContent).toContain('バイト単位で、次に空白とレイアウトだけを正規化');
  });

  it('a superseded revision whose content matches is never a plain match: its standing says by which revision', () => {
    const r: TVerifyResponse = { ...base, match: false, verdict: 'same_content', reason: 'superseded', standing: { kind: 'executed_superseded', supersededBy: { number: 3, on: '2026-12-01T00:00:00.000Z' } } };
    renderWithProviders(<VerifyResult r={r} />);
    const result = screen.getByTestId('verify-result');
    expect(result.className).toContain('is-warning');
    expect(result.textContent).not.toContain('✓');
    expect(screen.getByTestId('verify-standing').textContent).toContain('第3版（2026-12-01 締結）により失効');
    expect(result.textContent).toContain('この版は現在有効ではありません');
  });

  it('an unknown revision says only the hash was looked up', () => {
    const r: TVerifyResponse = { ...base, match: false, verdict: 'unknown_revision', reason: 'no_revision', engagement: undefined, revision: undefined, standing: undefined, signatures: undefined };
    renderWithProviders(<VerifyResult r={r} />);
    expect(screen.getByTestId('verify-checks').querySelectorAll('li')).toHaveLength(1);
    expect(screen.queryByTestId('verify-standing')).toBeNull();
  });
});
