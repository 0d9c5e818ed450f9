import type { Page } from 'playwright-core';

/**
 * Frame durations while scrolling the matrix (or the baseline table): `wheel`
 * moves down 240 px per animation frame (a fast mouse wheel) through the whole
 * grid; `wheel-x` does the same to the right (the stress matrix is 600 assets
 * wide); `jump` moves diagonally to a new screenful in every frame (the worst
 * case: nothing on screen stays). Shared by render-matrix.ts (fixtures) and
 * bench/scenarios/browser.ts (the real API).
 */
export const scrollFrames = (page: Page, mode: 'wheel' | 'wheel-x' | 'jump') =>
  page.evaluate(async (m) => {
    const el = document.querySelector('.mx-scroll, .baseline-scroll') as HTMLElement;
    el.scrollTop = 0;
    el.scrollLeft = 0;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const frames: number[] = [];
    let last = performance.now();
    const maxY = el.scrollHeight - el.clientHeight;
    const maxX = el.scrollWidth - el.clientWidth;
    const steps = m === 'wheel' ? Math.min(80, Math.ceil(maxY / 240)) : m === 'wheel-x' ? Math.min(80, Math.ceil(maxX / 240)) : 40;
    for (let i = 1; i <= steps; i++) {
      if (m === 'wheel') el.scrollTop = Math.min(maxY, i * 240);
      else if (m === 'wheel-x') el.scrollLeft = Math.min(maxX, i * 240);
      else {
        el.scrollTop = maxY * (i / steps);
        el.scrollLeft = maxX * (i / steps);
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return frames;
  }, mode);

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
export const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
