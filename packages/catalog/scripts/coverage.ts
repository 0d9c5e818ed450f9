/**
 * Writes docs/catalog-coverage.md from the catalog data:
 *   npx tsx packages/catalog/scripts/coverage.ts
 * The coverage test fails when the file and the data disagree.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOG_VERSION, catalogDuties, coverageProblems, renderCoverageMarkdown } from '../src/index.ts';

const problems = coverageProblems(catalogDuties);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const target = fileURLToPath(new URL('../../../docs/catalog-coverage.md', import.meta.url));
writeFileSync(target, renderCoverageMarkdown(catalogDuties, CATALOG_VERSION));
console.log(`wrote ${target}`);
