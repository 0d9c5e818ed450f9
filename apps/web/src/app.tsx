import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useSession } from './api/use-session.ts';
import { AppLayout } from './components/layout.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { EngagementLayout } from './features/engagements/engagement-layout.tsx';
import { EngagementListPage } from './features/engagements/list-page.tsx';
import { MatrixPrefetch } from './features/matrix/matrix-prefetch.tsx';
import { NotFound } from './components/not-found.tsx';
import { Loading } from './components/feedback.tsx';
import { Providers } from './providers.tsx';
import { matchPath, navigate, useLocation } from './router.tsx';

/*
 * Every screen but the sign-in page, the list and the engagement frame is its own chunk, fetched when first
 * opened: the first load carries only what the sign-in or list screen needs (docs/benchmarks-web.md).
 */
const AccountPage = lazy(() => import('./features/account/account-page.tsx').then((m) => ({ default: m.AccountPage })));
const AssetsPage = lazy(() => import('./features/assets/assets-page.tsx').then((m) => ({ default: m.AssetsPage })));
const DutiesPage = lazy(() => import('./features/duties/duties-page.tsx').then((m) => ({ default: m.DutiesPage })));
const AuditPage = lazy(() => import('./features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const InvitationPage = lazy(() => import('./features/auth/invitation-page.tsx').then((m) => ({ default: m.InvitationPage })));
const JoinPage = lazy(() => import('./features/auth/join-page.tsx').then((m) => ({ default: m.JoinPage })));
const TotpResetPage = lazy(() => import('./features/auth/totp-reset-page.tsx').then((m) => ({ default: m.TotpResetPage })));
const SignUpPage = lazy(() => import('./features/auth/sign-up-page.tsx').then((m) => ({ default: m.SignUpPage })));
const CreateEngagementPage = lazy(() => import('./features/engagements/create-page.tsx').then((m) => ({ default: m.CreateEngagementPage })));
const OverviewPage = lazy(() => import('./features/engagements/overview-page.tsx').then((m) => ({ default: m.OverviewPage })));
const FindingsPage = lazy(() => import('./features/findings/findings-page.tsx').then((m) => ({ default: m.FindingsPage })));
const loadMatrixPage = () => import('./features/matrix/matrix-page.tsx');
const MatrixPage = lazy(() => loadMatrixPage().then((m) => ({ default: m.MatrixPage })));
const ReviewPage = lazy(() => import('./features/review/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const SignoffPage = lazy(() => import('./features/signoff/signoff-page.tsx').then((m) => ({ default: m.SignoffPage })));
const CatalogUpgradePage = lazy(() => import('./features/catalog-upgrade/catalog-upgrade-page.tsx').then((m) => ({ default: m.CatalogUpgradePage })));
const InboxPage = lazy(() => import('./features/inbox/inbox-page.tsx').then((m) => ({ default: m.InboxPage })));
const VerifyPage = lazy(() => import('./features/signoff/verify-page.tsx').then((m) => ({ default: m.VerifyPage })));

type Page = (p: Record<string, string>) => ReactNode;

// Rarely opened pages load on demand: the main bundle stays under its size budget (vite.config.ts).
const DevMailboxPage = lazy(() => import('./features/inbox/dev-mailbox-page.tsx').then((m) => ({ default: m.DevMailboxPage })));
const UnsubscribePage = lazy(() => import('./features/inbox/unsubscribe-page.tsx').then((m) => ({ default: m.UnsubscribePage })));
const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

const PUBLIC: [string, Page][] = [
  ['/sign-in', () => <SignInPage />],
  ['/sign-up', () => <SignUpPage />],
  // Links carry the token in the fragment (`/invitations#token=…`); the path form is kept for links mailed before.
  ['/invitations', () => <InvitationPage />],
  ['/invitations/:token', (p) => <InvitationPage pathToken={p.token ?? ''} />],
  ['/join', () => <JoinPage />],
  ['/totp-reset', () => <TotpResetPage />],
  ['/unsubscribe', () => onDemand(<UnsubscribePage />)],
  ['/dev/mailbox', () => onDemand(<DevMailboxPage />)],
];

const TABS: [string, (id: string) => ReactNode][] = [
  ['', (id) => <OverviewPage engagementId={id} />],
  ['matrix', (id) => <MatrixPage engagementId={id} />],
  ['assets', (id) => <AssetsPage engagementId={id} />],
  ['duties', (id) => <DutiesPage engagementId={id} />],
  ['review', (id) => <ReviewPage engagementId={id} />],
  ['findings', (id) => <FindingsPage engagementId={id} />],
  ['catalog-upgrade', (id) => <CatalogUpgradePage engagementId={id} />],
  ['sign-off', (id) => <SignoffPage engagementId={id} />],
  ['audit', (id) => <AuditPage engagementId={id} />],
];

const PRIVATE: [string, Page][] = [
  ['/', () => <EngagementListPage />],
  ['/engagements/new', () => <CreateEngagementPage />],
  ['/account', () => <AccountPage />],
  ['/inbox', () => <InboxPage />],
  ['/verify', () => <VerifyPage />],
  ...TABS.map(([tab, render]): [string, Page] => [
    tab ? `/engagements/:id/${tab}` : '/engagements/:id',
    (p) => (
      <>
        {/* the matrix (36,000 cells at most) is requested together with the engagement, not after it */}
        {tab === 'matrix' ? <MatrixPrefetch engagementId={p.id ?? ''} loadPage={loadMatrixPage} /> : null}
        <EngagementLayout engagementId={p.id ?? ''} tab={tab}>
          {/* inside the frame: switching tabs keeps the engagement header while the tab's chunk loads */}
          <Suspense fallback={<Loading />}>{render(p.id ?? '')}</Suspense>
        </EngagementLayout>
      </>
    ),
  ]),
];

const RequireSession = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const { href } = useLocation();
  useEffect(() => {
    if (!session) navigate(`/sign-in?next=${encodeURIComponent(href)}`, { replace: true });
  }, [session, href]);
  return session ? <>{children}</> : null;
};

export const Routes = () => {
  const { pathname } = useLocation();
  for (const [pattern, render] of PUBLIC) {
    const m = matchPath(pattern, pathname);
    if (m) return <Suspense fallback={<Loading />}>{render(m)}</Suspense>;
  }
  for (const [pattern, render] of PRIVATE) {
    const m = matchPath(pattern, pathname);
    if (m)
      return (
        <RequireSession>
          <AppLayout>
            <Suspense fallback={<Loading />}>{render(m)}</Suspense>
          </AppLayout>
        </RequireSession>
      );
  }
  return <NotFound />;
};

export const App = () => (
  <Providers>
    <Routes />
  </Providers>
);
