import type { TAsset } from './asset.ts';
import type { TAssignment, TCell } from './cell.ts';
import type { TDuty } from './duty.ts';
import type { TEngagement } from './engagement.ts';
import type { TParty } from './party.ts';

/**
 * Everything the pure rules need to reason about one engagement at one moment.
 * The API builds it from the database in one read; the findings engine, the
 * freeze canonicalizer and the annex builder consume it.
 */
export type TEngagementSnapshot = {
  engagement: Pick<TEngagement, 'id' | 'title' | 'systemName' | 'serviceModel' | 'provisionPattern' | 'status'>;
  parties: readonly TParty[];
  assets: readonly TAsset[];
  duties: readonly TDuty[];
  cells: readonly TSnapshotCell[];
  /** The date findings are evaluated on (EoS checks), YYYY-MM-DD. */
  today: string;
};

export type TSnapshotCell = Pick<
  TCell,
  'id' | 'dutyId' | 'assetId' | 'status' | 'assignment' | 'terms' | 'notApplicableReason' | 'kickoff' | 'dueOn' | 'completionDueOn'
> & {
  /** Assignment of the open proposal, if any (what is being negotiated). */
  proposedAssignment: TAssignment | null;
};
