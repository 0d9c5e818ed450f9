import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isApiError } from './api/client.ts';
import { ToastProvider } from './components/toast.tsx';
import { I18nProvider, type Locale } from './i18n/i18n.tsx';

/** 4xx answers are final: retrying a 404 or a 403 only delays the message. */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });

export const Providers = ({ children, client, locale }: { children: ReactNode; client?: QueryClient; locale?: Locale }) => {
  const [qc] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={qc}>
      <I18nProvider locale={locale}>
        <ToastProvider>{children}</ToastProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
};
