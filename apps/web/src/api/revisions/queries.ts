import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZChangesSinceSignedResponse, ZRevisionDiffResponse, ZRevisionsResponse, ZSigningStatementResponse } from '@bunkai/domain';
import { api } from '../client.ts';
import { revisionKeys } from './keys.ts';

export type RevisionsResponse = z.infer<typeof ZRevisionsResponse>;
export type ChangesSinceSigned = z.infer<typeof ZChangesSinceSignedResponse>;
export type RevisionDiffResponse = z.infer<typeof ZRevisionDiffResponse>;
export type SigningStatement = z.infer<typeof ZSigningStatementResponse>;

export const useListRevisions = (engagementId: string) =>
  useQuery({ queryKey: revisionKeys.list(engagementId), queryFn: ({ signal }) => api.get<RevisionsResponse>(`/api/v1/engagements/${engagementId}/revisions`, { signal }) });

export const useGetChangesSinceSigned = (engagementId: string, partyId: string | null) =>
  useQuery({
    queryKey: revisionKeys.changesSinceSigned(engagementId, partyId),
    queryFn: ({ signal }) => api.get<ChangesSinceSigned>(`/api/v1/engagements/${engagementId}/changes-since-signed`, { signal, query: { partyId } }),
    enabled: partyId !== null,
  });

export const useGetRevisionDiff = (engagementId: string, revisionId: string, against: string | null) =>
  useQuery({
    queryKey: revisionKeys.diff(engagementId, revisionId, against ?? '-'),
    queryFn: ({ signal }) => api.get<RevisionDiffResponse>(`/api/v1/revisions/${revisionId}/diff`, { signal, query: { against } }),
    enabled: against !== null,
  });

export const useGetSigningStatement = (engagementId: string, revisionId: string, partyId: string) =>
  useQuery({
    queryKey: revisionKeys.statement(engagementId, revisionId, partyId),
    queryFn: ({ signal }) => api.get<SigningStatement>(`/api/v1/revisions/${revisionId}/signing-statement`, { signal, query: { partyId } }),
  });
