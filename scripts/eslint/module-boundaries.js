// ESLint rule: a feature module under apps/api/src/modules/<name>/ is reached only through its index.ts.
// no-restricted-imports cannot tell "another module's file" from "my own subfolder's file" for relative
// paths of varying depth, so this resolves each relative import against the importing file instead.
import { dirname, relative, resolve, sep } from 'node:path';

const MODULES = resolve(dirname(new URL(import.meta.url).pathname), '../../apps/api/src/modules');

/** The module a path belongs to, or null outside apps/api/src/modules/<name>/. */
const moduleOf = (file) => {
  const rel = relative(MODULES, file);
  if (rel.startsWith('..') || !rel.includes(sep)) return null;
  return rel.split(sep)[0];
};

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another feature module only through its index.ts" },
    messages: { internal: "'{{target}}' is inside module '{{module}}': import '{{module}}/index.ts' instead (docs/decisions/0006-module-boundaries.md)." },
    schema: [],
  },
  create(context) {
    const from = moduleOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(context.filename), spec);
      const to = moduleOf(target);
      if (!to || to === from) return;
      if (relative(resolve(MODULES, to), target).split(sep).join('/') === 'index.ts') return;
      context.report({ node: node.source, messageId: 'internal', data: { target: spec, module: to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
