import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { I18nProvider, useI18n } from './i18n.tsx';

const inEnglish = ({ children }: { children: ReactNode }) => <I18nProvider locale="en">{children}</I18nProvider>;

describe('English mode (issue 16, bug 7)', () => {
  it('has no full-width brackets or corner quotes in any English message', () => {
    const offending = Object.entries(en).filter(([, v]) => /[（）「」【】]/.test(v));
    expect(offending).toEqual([]);
  });

  it('writes dates as ISO 8601, never the ambiguous 03/12/2026', async () => {
    const { result } = renderHook(() => useI18n(), { wrapper: inEnglish });
    // The English catalog is its own chunk: nothing renders until it has arrived.
    await waitFor(() => expect(result.current).toBeTruthy());
    expect(result.current.fmtDate('2026-12-03')).toBe('2026-12-03');
    expect(result.current.fmtDateTime('2026-12-03T10:05:00')).toBe('2026-12-03 10:05');
    expect(result.current.t('common.paren', { text: 'optional' })).toBe(' (optional)');
  });
});
