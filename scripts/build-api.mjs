#!/usr/bin/env node
// Production build of the API: plain JavaScript that `node` runs with no TypeScript loader.
//
//   packages/<name>/src/index.ts  → packages/<name>/dist/index.js   (exported as "@bunkai/<name>/dist")
//   apps/api/src/server.ts        → apps/api/dist/server.mjs        (the HTTP server)
//   apps/api/src/migrate.ts       → apps/api/dist/migrate.mjs       (`npm run migrate`)
//   apps/api/src/backup.ts        → apps/api/dist/backup.mjs        (`npm run backup` / `npm run restore`)
//   apps/api/src/**/*.mjs         → apps/api/dist/<name>.mjs        (worker bootstraps, found by glob)
//
// Why esbuild bundles per package (and not tsc, nor one bundle of everything):
// - the workspace packages export their TypeScript source (".") so that tsx, vitest, tsc
//   and Vite need no build in development; production imports "@bunkai/<name>/dist" instead,
//   which this build rewrites every "@bunkai/<name>" import to — no export conditions, no flags;
// - third-party packages stay external, each resolved from the package that declares it
//   (pnpm's layout; PGlite's WASM and fastify's plugins keep their own files), and the
//   build fails when a bundle imports a package its package.json does not list under
//   "dependencies" — which `pnpm install --prod` would leave out;
// - dist/ sits at the same depth as src/, so the paths found with import.meta.url (the
//   repository root, the migrations folder) are the same from either.
// Outputs are written through a temporary file and a rename: two builds running at once
// (the test suite's two database projects) never leave a half-written file.
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** Every bare import stays external; workspace packages are pointed at their built entry. */
const externals = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (/^@bunkai\/[^/]+$/.test(args.path)) return { path: `${args.path}/dist`, external: true };
      if (args.path.startsWith('@bunkai/')) return { errors: [{ text: `${args.path}: only a workspace package's main entry is built` }] };
      return { path: args.path, external: true };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  // Removes the development-only branches (worker bootstraps register tsx only when not built).
  minifySyntax: true,
  define: { __BUNKAI_BUILD__: 'true' },
  plugins: [externals],
  metafile: true,
  write: false,
  logLevel: 'warning',
};

/** Writes each output atomically and checks that every external import is a declared dependency. */
const emit = (result, pkgDir) => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const missing = new Set();
  for (const output of Object.values(result.metafile.outputs))
    for (const imp of output.imports)
      if (imp.external && !builtins.has(imp.path) && !declared.has(packageName(imp.path))) missing.add(packageName(imp.path));
  if (missing.size) throw new Error(`${relative(root, pkgDir)}: imports ${[...missing].join(', ')} without listing it under "dependencies" in its package.json`);
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
};

const started = Date.now();
const packagesDir = join(root, 'packages');
for (const name of readdirSync(packagesDir)) {
  const dir = join(packagesDir, name);
  if (!existsSync(join(dir, 'src/index.ts'))) continue;
  const result = await build({ ...common, entryPoints: [join(dir, 'src/index.ts')], outfile: join(dir, 'dist/index.js') });
  emit(result, dir);
}

const api = join(root, 'apps/api');
const workers = readdirSync(join(api, 'src'), { recursive: true })
  .filter((p) => p.endsWith('.mjs'))
  .map((p) => join(api, 'src', p));
const names = workers.map((w) => basename(w, '.mjs'));
if (new Set(names).size !== names.length) throw new Error(`worker bootstraps need distinct file names (they are flattened into dist/): ${names.join(', ')}`);
const result = await build({
  ...common,
  entryPoints: [join(api, 'src/server.ts'), join(api, 'src/migrate.ts'), join(api, 'src/backup.ts'), ...workers],
  outdir: join(api, 'dist'),
  // Flat: a module finds its worker next to itself (new URL('./x.mjs', import.meta.url)) in the bundle too.
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
});
emit(result, api);
console.log(`API built into apps/api/dist and packages/*/dist in ${Date.now() - started} ms`);
