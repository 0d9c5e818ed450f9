import { benchBulk, benchComments, benchReview, benchStructure } from './more-writes.ts';
import { benchWritePath } from './write-path.ts';

/** Every write scenario by name (bench/run.ts runs them in this order; bench/scenario.ts runs chosen ones). */
export const WRITE_SCENARIOS = {
  write: benchWritePath,
  review: benchReview,
  comments: benchComments,
  bulk: benchBulk,
  structure: benchStructure,
};
