import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TLocalized } from '@bunkai/domain';
import { ja, type MessageKey } from './ja.ts';

export type Locale = 'ja' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type Catalog = Record<MessageKey, string>;
/**
 * Japanese is in the first load; the English catalog is a chunk of its own, fetched when someone
 * chooses English: most users read Japanese, and its ~12 KiB gzip counted against every first
 * visit's budget (docs/benchmarks-web.md).
 */
const catalogs: Partial<Record<Locale, Catalog>> = { ja };
export const loadCatalog = async (l: Locale): Promise<void> => {
  if (!catalogs[l]) catalogs[l] = (await import('./en.ts')).en;
};
const STORAGE_KEY = 'bunkai.locale';

/** Fills `{name}` placeholders; a missing value stays visible rather than silently vanishing. */
export const format = (template: string, vars?: Record<string, string | number>): string =>
  vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;

export const translator =
  (locale: Locale): Translate =>
  (key, vars) =>
    format((catalogs[locale] ?? ja)[key], vars);

type I18n = { locale: Locale; setLocale: (l: Locale) => void; t: Translate; loc: (text: TLocalized) => string; fmtDate: (iso: string | null | undefined) => string; fmtDateTime: (iso: string | null | undefined) => string };

const Ctx = createContext<I18n | null>(null);

const initialLocale = (): Locale => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'ja' || stored === 'en') return stored;
  } catch {
    // storage can be unavailable (private mode); Japanese is the default either way
  }
  return 'ja';
};

export const I18nProvider = ({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) => {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale);
  const [, setLoaded] = useState(0);
  const ready = catalogs[locale] !== undefined;
  useEffect(() => {
    if (!ready) void loadCatalog(locale).then(() => setLoaded((n) => n + 1));
  }, [locale, ready]);
  // Switching waits for the catalog, so the screen changes language once and keeps its state.
  const setLocale = useCallback((l: Locale) => {
    void loadCatalog(l).then(() => {
      setLocaleState(l);
      try {
        localStorage.setItem(STORAGE_KEY, l);
      } catch {
        // ignore: the choice simply does not persist
      }
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    // English dates as ISO 8601 (2026-12-03), never 03/12/2026 which reads differently in the US and the UK (issue 16, bug 7).
    const tag = locale === 'ja' ? 'ja-JP' : 'en-CA';
    const date = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const isoDateTime = (d: Date) => {
      const p = Object.fromEntries(dateTime.formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    return {
      locale,
      setLocale,
      t: translator(locale),
      loc: (text) => text[locale],
      fmtDate: (iso) => (iso ? date.format(new Date(iso.length === 10 ? `${iso}T00:00:00` : iso)) : '—'),
      fmtDateTime: (iso) => (iso ? (locale === 'ja' ? dateTime.format(new Date(iso)) : isoDateTime(new Date(iso))) : '—'),
    };
  }, [locale, setLocale]);
  // A first visit in English waits for its catalog rather than flashing Japanese.
  return ready ? <Ctx.Provider value={value}>{children}</Ctx.Provider> : null;
};

export const useI18n = (): I18n => {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
};
