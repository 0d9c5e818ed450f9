import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Hand-built .xlsx archives for the import-bounds tests: a workbook whose sheet part inflates to far more
 * than it weighs. The sheet's deflate stream is one compressed chunk repeated (each chunk compressed on its
 * own and sync-flushed, so the chunks concatenate into one valid stream), so a 1 GiB part costs ~1 MB.
 */
type Part = { name: string; data: Buffer; size: number; crc: number; declaredSize?: number };

const small = (name: string, xml: string): Part => {
  const raw = Buffer.from(xml, 'utf8');
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** A part of `repeat` × `chunk` bytes, deflated without ever holding the inflated bytes. */
const repeated = (name: string, head: string, chunk: Buffer, repeat: number): Part => {
  const headBytes = Buffer.from(head, 'utf8');
  const pieces = [deflateRawSync(headBytes, { finishFlush: constants.Z_SYNC_FLUSH })];
  const body = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
  let crc = crc32(headBytes);
  for (let i = 0; i < repeat; i++) {
    pieces.push(body);
    crc = crc32(chunk, crc);
  }
  pieces.push(Buffer.from([0x03, 0x00])); // a final, empty fixed-Huffman block
  return { name, data: Buffer.concat(pieces), size: headBytes.length + chunk.length * repeat, crc };
};

/** A zip archive of deflated parts (no zip64: every size stays below 4 GiB). */
const zip = (parts: Part[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
};

const WORKBOOK = small(
  'xl/workbook.xml',
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
);
const RELS = small(
  'xl/_rels/workbook.xml.rels',
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
);

/**
 * An .xlsx whose sheet inflates to `mib` MiB of whitespace inside <sheetData>. `lie` declares a small size
 * in the zip headers, as a bomb that wants to slip past a size check would.
 */
export const xlsxBomb = (mib: number, { lie = false } = {}): Buffer => {
  const sheet = repeated(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    Buffer.alloc(1024 * 1024, 0x20),
    mib,
  );
  return zip([WORKBOOK, RELS, lie ? { ...sheet, declaredSize: 4096 } : sheet]);
};
