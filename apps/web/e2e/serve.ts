/**
 * `tsx apps/web/e2e/serve.ts [--build] [--port N]`: the API with the demo seed
 * on a fresh in-memory database, serving apps/web/dist — for looking at the
 * app by hand or from a script without touching .data/.
 */
import { buildWeb, startStack } from './harness.ts';

if (process.argv.includes('--build')) await buildWeb();
const stack = await startStack({ seedDemo: true });
console.log(`web + API on ${stack.url}`);
process.on('SIGTERM', () => void stack.close().then(() => process.exit(0)));
process.on('SIGINT', () => void stack.close().then(() => process.exit(0)));
