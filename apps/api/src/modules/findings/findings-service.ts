import { type TFindingsResponse, computeFindings, countFindings } from '@bunkai/domain';
import type { Db } from '@bunkai/db';
import type { EngagementAccessService } from '../../access/engagement-access.ts';
import { loadSnapshot } from '@bunkai/db';
import type { Actor } from '../../plugins/auth.ts';

type Deps = { db: Db; access: EngagementAccessService };

/** 指摘 (gap analysis): the domain findings engine over the engagement as it is now. */
export const createFindingsService = ({ db, access }: Deps) => ({
  list: async (actor: Actor, engagementId: string): Promise<TFindingsResponse> => {
    await access.require(actor, engagementId, 'engagement:read');
    const { snapshot } = await loadSnapshot(db, engagementId);
    const findings = computeFindings(snapshot);
    return { findings, counts: countFindings(findings) };
  },
});
export type FindingsService = ReturnType<typeof createFindingsService>;
