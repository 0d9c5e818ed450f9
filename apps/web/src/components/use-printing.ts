import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page is being printed. The virtualized grids render a window
 * of rows only, so printing needs a full, plain table; it is built on
 * `beforeprint` (flushed synchronously, before the browser lays the pages out)
 * or when print media is emulated, and dropped again afterwards.
 */
export const usePrinting = (): boolean => {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(false);
    const mq = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;
    const change = (e: MediaQueryListEvent) => (e.matches ? on() : off());
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    mq?.addEventListener('change', change);
    if (mq?.matches) on();
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      mq?.removeEventListener('change', change);
    };
  }, []);
  return printing;
};
