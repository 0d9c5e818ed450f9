// Worker bootstrap for annex-worker-pool.ts. Plain ESM on purpose: Node can start
// it without any TypeScript loader, then it registers tsx in this thread, so the
// worker runs the same whether the API was started by `tsx` (npm start), by vitest
// or by a script — none of their loaders reaches a worker with a clean execArgv.
import { register } from 'tsx/esm/api';

register();
await import('./annex-worker-entry.ts');
