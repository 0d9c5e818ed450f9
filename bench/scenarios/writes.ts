import { benchWritePath } from './write-path.ts';

/** Every write scenario by name (bench/run.ts runs them in this order; bench/scenario.ts runs chosen ones). */
export const WRITE_SCENARIOS = {
  write: benchWritePath,
};
