import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@bunkai/domain';
import { readAnnexProperties } from '../properties.ts';
import { NotAZipError, readZipEntries } from './zip-entries.ts';

const LIMITS = { maxEntryBytes: 64 * 1024, maxEntries: 100 };

/** A zip whose only entry inflates to `size` zero bytes while its headers declare `declared`. */
const lyingZip = (name: string, size: number, declared: number): Buffer => {
  const data = deflateRawSync(Buffer.alloc(size), { level: 9 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const cdOffset = local.length + nameBytes.length + data.length;
  const cdSize = central.length + nameBytes.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
};

const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (isDomainError(e) ? e.code : (e as Error).constructor.name));

describe('readZipEntries', () => {
  it('inflates only the wanted entries', async () => {
    const zip = Buffer.from(zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') }));
    const got = await readZipEntries(zip, (n) => n === 'b.xml', LIMITS);
    expect([...got.keys()]).toEqual(['b.xml']);
    expect(got.get('b.xml')!.toString()).toBe('<b/>');
  });

  it('refuses an entry whose header declares more than the cap, before inflating it', async () => {
    const zip = lyingZip('docProps/custom.xml', 1024, 1 << 30);
    expect(await codeOf(readZipEntries(zip, () => true, LIMITS))).toBe('upload_too_large');
  });

  it('stops a zip bomb that lies about its size while inflating (64 MiB declared as 100 bytes)', async () => {
    const zip = lyingZip('docProps/custom.xml', 64 * 1024 * 1024, 100);
    expect(zip.length).toBeLessThan(200_000);
    expect(await codeOf(readZipEntries(zip, () => true, LIMITS))).toBe('upload_too_large');
  });

  it('says "not a zip" for anything else', async () => {
    expect(await codeOf(readZipEntries(Buffer.from('PK\u0003\u0004 nonsense'), () => true, LIMITS))).toBe(NotAZipError.name);
  });

  it('caps the number of entries looked at', async () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, strToU8('x')]));
    expect(await codeOf(readZipEntries(Buffer.from(zipSync(many)), () => false, LIMITS))).toBe('upload_too_large');
  });
});

describe('readAnnexProperties on hostile input', () => {
  const withCustom = (xml: string) => zipSync({ 'docProps/custom.xml': strToU8(xml) });

  it('a lying zip bomb in docProps/custom.xml is a 400 upload_too_large', async () => {
    expect(await codeOf(readAnnexProperties(lyingZip('docProps/custom.xml', 32 * 1024 * 1024, 200)))).toBe('upload_too_large');
  });

  it('reads `<property ` × 20,000 in linear time (the old regex backtracked for seconds): malformed, a 400', async () => {
    const started = performance.now();
    expect(await codeOf(readAnnexProperties(withCustom(`<Properties>${'<property '.repeat(20_000)}</Properties>`)))).toBe('malformed_upload');
    // The regex took 10 s on this input; the budget leaves room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('a character reference outside Unicode is malformed XML (a 400), not a crash', async () => {
    const xml = '<Properties><property name="bunkaiEngagementId"><vt:lpwstr>&#99999999;</vt:lpwstr></property></Properties>';
    expect(await codeOf(readAnnexProperties(withCustom(xml)))).toBe('malformed_upload');
  });

  it('a docx without custom properties has no identity (not an error)', async () => {
    expect(await readAnnexProperties(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toEqual({});
  });

  it('decodes entities in well-formed properties', async () => {
    const xml = '<Properties><property name="bunkaiEngagementId"><vt:lpwstr>a&amp;b&#x41;</vt:lpwstr></property></Properties>';
    expect(await readAnnexProperties(withCustom(xml))).toEqual({ engagementId: 'a&bA', annexFormat: 1 });
  });
});
