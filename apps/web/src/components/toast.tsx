import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error';
type Toast = { id: number; text: string; tone: Tone };
type ToastApi = { push: (text: string, tone?: Tone) => void };

const Ctx = createContext<ToastApi>({ push: () => undefined });

/** Subtle notices in the corner (live changes by others, confirmations); announced politely to screen readers. */
export const ToastProvider = ({ children }: { children: ReactNode }) => {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const push = useCallback((text: string, tone: Tone = 'info') => {
    const id = next.current++;
    setToasts((ts) => [...ts.filter((x) => x.text !== text).slice(-3), { id, text, tone }]);
    setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), tone === 'error' ? 8000 : 4500);
  }, []);
  const api = useMemo(() => ({ push }), [push]);
  return (
    <Ctx.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((x) => (
          <div key={x.id} className={`toast toast-${x.tone}`}>
            {x.text}
          </div>
        ))}
      </div>
    </Ctx.Provider>
  );
};

export const useToast = () => useContext(Ctx);
