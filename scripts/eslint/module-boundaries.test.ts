import { resolve } from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { moduleBoundaries } from './module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const modules = resolve(import.meta.dirname, '../../apps/api/src/modules');
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    { filename: `${modules}/cells/cells-service.ts`, code: "import { x } from '../events/index.ts';" },
    { filename: `${modules}/cells/negotiation/step.ts`, code: "import { x } from '../matrix/read.ts';" },
    { filename: `${modules}/cells/cells-service.ts`, code: "import { x } from './negotiation/step.ts';" },
    { filename: `${modules}/index.ts`, code: "import { x } from './cells/cells-service.ts';" },
    { filename: `${modules}/cells/cells-service.ts`, code: "import { x } from '@bunkai/db';" },
  ],
  invalid: [
    { filename: `${modules}/signoff/sign.ts`, code: "import { x } from '../auth/auth-repository.ts';", errors: [{ messageId: 'internal' }] },
    { filename: `${modules}/cells/negotiation/step.ts`, code: "import { x } from '../../events/record-events.ts';", errors: [{ messageId: 'internal' }] },
    { filename: `${modules}/audit/audit.ts`, code: "export { y } from '../signoff/revisions/views.ts';", errors: [{ messageId: 'internal' }] },
  ],
});
