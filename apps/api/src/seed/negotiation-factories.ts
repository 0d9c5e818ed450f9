import type { FastifyInstance } from 'fastify';
import type {
  TAssignment,
  TBulkProposeResponse,
  TCellWithProposal,
  TMatrixCell,
  TMatrixResponse,
  TProposalMutationResponse,
  TTerms,
} from '@bunkai/domain';
import type { Member } from './factories.ts';
import { expectStatus } from './http-client.ts';
import { createStructureFactories } from './structure-factories.ts';

/** Finds a cell by its duty code and, for asset cells, the asset's category or id. */
export type CellSelector = { dutyCode: string; assetCategory?: string; assetId?: string | null };

/**
 * Factories for the matrix and its negotiation (提案・承諾・却下・取下げ),
 * shared by tests and the demo seed. They call the real routes and throw with
 * the body on any unexpected status.
 */
export const createNegotiationFactories = (app: FastifyInstance) => {
  const structure = createStructureFactories(app);

  const matrix = async (member: Member, engagementId: string, query = ''): Promise<TMatrixResponse> =>
    expectStatus(await member.http.get<TMatrixResponse>(`/api/v1/engagements/${engagementId}/cells${query ? `?${query}` : ''}`), 200, 'read matrix');

  const pick = (m: TMatrixResponse, s: CellSelector): TMatrixCell => {
    const duty = m.duties.find((d) => d.code === s.dutyCode);
    if (!duty) throw new Error(`no duty ${s.dutyCode} in the engagement`);
    const assetIds =
      s.assetId !== undefined
        ? [s.assetId]
        : s.assetCategory
          ? m.assets.filter((a) => a.category === s.assetCategory).map((a) => a.id)
          : [null];
    const cell = m.cells.find((c) => c.dutyId === duty.id && assetIds.includes(c.assetId));
    if (!cell) throw new Error(`no cell for ${JSON.stringify(s)}`);
    return cell;
  };

  const findCell = async (member: Member, engagementId: string, s: CellSelector): Promise<TMatrixCell> => pick(await matrix(member, engagementId), s);

  const propose = async (
    member: Member,
    cell: Pick<TCellWithProposal, 'id' | 'version'>,
    body: { assignment: TAssignment; terms?: Partial<TTerms>; reason?: string },
  ): Promise<TProposalMutationResponse> =>
    expectStatus(await member.http.post<TProposalMutationResponse>(`/api/v1/cells/${cell.id}/proposals`, { ...body, version: cell.version }), 201, 'propose');

  const accept = async (member: Member, proposalId: string): Promise<TProposalMutationResponse> =>
    expectStatus(await member.http.post<TProposalMutationResponse>(`/api/v1/proposals/${proposalId}/accept`, {}), 200, 'accept');

  const reject = async (member: Member, proposalId: string, reason = '体制上お受けできません'): Promise<TProposalMutationResponse> =>
    expectStatus(await member.http.post<TProposalMutationResponse>(`/api/v1/proposals/${proposalId}/reject`, { reason }), 200, 'reject');

  const withdraw = async (member: Member, proposalId: string): Promise<TProposalMutationResponse> =>
    expectStatus(await member.http.post<TProposalMutationResponse>(`/api/v1/proposals/${proposalId}/withdraw`, {}), 200, 'withdraw');

  const bulkPropose = async (member: Member, engagementId: string, body: { cellIds: string[]; assignment: TAssignment; terms?: Partial<TTerms>; reason?: string }) =>
    expectStatus(await member.http.post<TBulkProposeResponse>(`/api/v1/engagements/${engagementId}/cells/bulk-proposals`, body), 200, 'bulk propose');

  const comment = async (member: Member, cellId: string, body: string) =>
    expectStatus(await member.http.post<{ comment: { id: string } }>(`/api/v1/cells/${cellId}/comments`, { body }), 201, 'comment').comment;

  return { ...structure, matrix, pick, findCell, propose, accept, reject, withdraw, bulkPropose, comment };
};
export type NegotiationFactories = ReturnType<typeof createNegotiationFactories>;
