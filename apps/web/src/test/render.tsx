import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { TEngagementRole, TEngagementStatus, TParty } from '@bunkai/domain';
import { EngagementContext, makeEngagementCtx } from '../features/engagements/engagement-context.tsx';
import { Providers } from '../providers.tsx';
import { ENGAGEMENT_ID } from './fixtures.ts';

export const renderWithProviders = (ui: ReactNode, opts: { parties?: TParty[]; myPartyId?: string | null; roles?: TEngagementRole[]; status?: TEngagementStatus } = {}) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const parties = opts.parties ?? [];
  const ctx = makeEngagementCtx(
    {
      id: ENGAGEMENT_ID,
      ownerOrganizationId: parties[0]?.organizationId ?? ENGAGEMENT_ID,
      title: 'テスト案件',
      systemName: 'テスト',
      description: '',
      serviceModel: 'on_prem',
      provisionPattern: 'single_vendor',
      status: opts.status ?? 'negotiating',
      requireTwoFactorToSign: true,
      catalogVersion: null,
      templateCode: null,
      archivedAt: null,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      myRoles: opts.roles ?? ['member'],
      myPartyId: opts.myPartyId ?? null,
      progress: { total: 0, agreed: 0, notApplicable: 0 },
      blockingFindings: 0,
      parties: parties.map((p) => ({ id: p.id, role: p.role, displayName: p.displayName, organizationId: p.organizationId })),
    },
    parties,
  );
  return {
    client,
    ...render(
      <Providers client={client} locale="ja">
        <EngagementContext.Provider value={ctx}>{ui}</EngagementContext.Provider>
      </Providers>,
    ),
  };
};
