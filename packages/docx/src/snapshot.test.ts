import { expect, it } from 'vitest';
import { buildAnnex } from './build-annex.ts';
import { smallAnnex } from './fixtures/small-annex.ts';
import { documentText, part, unzipDocx } from './fixtures/read-docx.ts';

it('document.xml text of the small fixture matches the snapshot', async () => {
  const files = unzipDocx(await buildAnnex(smallAnnex()));
  await expect(documentText(part(files, 'word/document.xml'))).toMatchFileSnapshot('./__snapshots__/small-annex.document.txt');
});
