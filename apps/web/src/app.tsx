import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useSession } from './api/use-session.ts';
import { AppLayout } from './components/layout.tsx';
import { AccountPage } from './features/account/account-page.tsx';
import { AssetsPage } from './features/assets/assets-page.tsx';
import { AuditPage } from './features/audit/audit-page.tsx';
import { InvitationPage } from './features/auth/invitation-page.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { SignUpPage } from './features/auth/sign-up-page.tsx';
import { CreateEngagementPage } from './features/engagements/create-page.tsx';
import { EngagementLayout } from './features/engagements/engagement-layout.tsx';
import { EngagementListPage } from './features/engagements/list-page.tsx';
import { OverviewPage } from './features/engagements/overview-page.tsx';
import { FindingsPage } from './features/findings/findings-page.tsx';
import { InboxPage } from './features/inbox/inbox-page.tsx';
import { MatrixPage } from './features/matrix/matrix-page.tsx';
import { ReviewPage } from './features/review/review-page.tsx';
import { SignoffPage } from './features/signoff/signoff-page.tsx';
import { VerifyPage } from './features/signoff/verify-page.tsx';
import { NotFound } from './components/not-found.tsx';
import { Loading } from './components/feedback.tsx';
import { Providers } from './providers.tsx';
import { matchPath, navigate, useLocation } from './router.tsx';

type Page = (p: Record<string, string>) => ReactNode;

// Rarely opened pages load on demand: the main bundle stays under its size budget (vite.config.ts).
const DevMailboxPage = lazy(() => import('./features/inbox/dev-mailbox-page.tsx').then((m) => ({ default: m.DevMailboxPage })));
const UnsubscribePage = lazy(() => import('./features/inbox/unsubscribe-page.tsx').then((m) => ({ default: m.UnsubscribePage })));
const onDemand = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

const PUBLIC: [string, Page][] = [
  ['/sign-in', () => <SignInPage />],
  ['/sign-up', () => <SignUpPage />],
  ['/invitations/:token', (p) => <InvitationPage token={p.token ?? ''} />],
  ['/unsubscribe', () => onDemand(<UnsubscribePage />)],
  ['/dev/mailbox', () => onDemand(<DevMailboxPage />)],
];

const TABS: [string, (id: string) => ReactNode][] = [
  ['', (id) => <OverviewPage engagementId={id} />],
  ['matrix', (id) => <MatrixPage engagementId={id} />],
  ['assets', (id) => <AssetsPage engagementId={id} />],
  ['review', (id) => <ReviewPage engagementId={id} />],
  ['findings', (id) => <FindingsPage engagementId={id} />],
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
      <EngagementLayout engagementId={p.id ?? ''} tab={tab}>
        {render(p.id ?? '')}
      </EngagementLayout>
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
    if (m) return <>{render(m)}</>;
  }
  for (const [pattern, render] of PRIVATE) {
    const m = matchPath(pattern, pathname);
    if (m)
      return (
        <RequireSession>
          <AppLayout>{render(m)}</AppLayout>
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
