import { crc32, createInflateRaw } from 'node:zlib';

/**
 * The zip guard (decision 031): reads an archive's central directory, checks every local header
 * agrees with it, and refuses before anything is inflated when the archive declares more than the
 * limits below. Inflation then goes through `inflateEntry`, which stops at the size the entry
 * declared, so an archive whose headers lie is caught by what it actually produces.
 *
 * .xlsx, .docx (and any other Office Open XML file) are zips; nothing here knows which.
 */

/**
 * At most this many entries. A real workbook or document has tens (a sheet, styles, strings, a
 * theme, a few images); 10,000 leaves room for a workbook of hundreds of sheets with images.
 */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * At most this many bytes inflated for one entry. Measured: the 100,000-row people sheet the
 * import benchmark writes (inline strings, the worst case) is 57 MB of sheet XML; 160 MB leaves
 * room for about 280,000 such rows, far beyond any unit's staff list, and refuses the 420 MB and
 * 1.3 GB sheets of issue 11.
 */
export const MAX_ZIP_ENTRY_BYTES = 160 * 1024 * 1024;

/** At most this many bytes inflated for the whole archive (every entry together). */
export const MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024;

/**
 * Above RATIO_FLOOR bytes, an entry may inflate to at most this many times its compressed size.
 * Real sheets compress 5–15× (the 100,000-row sheet: 8.7×), a sheet of identical rows some tens;
 * deflate's ceiling is about 1,030×, and a bomb sits near it (the files of issue 11: ~400×).
 */
export const MAX_ZIP_RATIO = 200;
const RATIO_FLOOR = 1024 * 1024;

export type ZipLimits = {
  entries: number;
  entryBytes: number;
  totalBytes: number;
  ratio: number;
};

export const ZIP_LIMITS: ZipLimits = {
  entries: MAX_ZIP_ENTRIES,
  entryBytes: MAX_ZIP_ENTRY_BYTES,
  totalBytes: MAX_ZIP_TOTAL_BYTES,
  ratio: MAX_ZIP_RATIO,
};

/** One file in the archive, as its headers declare it. */
export type ZipEntry = {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its compressed bytes start in the archive. */
  dataOffset: number;
};

/** Why an archive is refused: `unreadable` (not a zip, damaged, encrypted) or a limit. */
export type ZipRefusalReason = 'unreadable' | 'entries' | 'size' | 'ratio' | 'lying';

/** A refusal; the caller turns it into the user's message on the right field. */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: ZipRefusalReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipRefusal';
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function unreadable(detail: string): ZipRefusal {
  return new ZipRefusal('unreadable', detail);
}

/** Reads a little-endian uint64 that must fit a JS number (archives here are < 2^53 bytes). */
function u64(data: Buffer, at: number): number {
  const v = data.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable('zip64 value too large');
  return Number(v);
}

function need(data: Buffer, at: number, length: number): void {
  if (at < 0 || at + length > data.length) throw unreadable('truncated archive');
}

/** The zip64 extended-information extra field's values for the fields that were 0xFFFFFFFF. */
function zip64Extra(
  data: Buffer,
  start: number,
  end: number,
  wanted: { size: boolean; compressed: boolean; offset: boolean },
): { size?: number; compressed?: number; offset?: number } {
  for (let at = start; at + 4 <= end;) {
    const id = data.readUInt16LE(at);
    const len = data.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const out: { size?: number; compressed?: number; offset?: number } = {};
      const take = () => {
        if (p + 8 > at + 4 + len) throw unreadable('short zip64 extra field');
        const v = u64(data, p);
        p += 8;
        return v;
      };
      if (wanted.size) out.size = take();
      if (wanted.compressed) out.compressed = take();
      if (wanted.offset) out.offset = take();
      return out;
    }
    at += 4 + len;
  }
  throw unreadable('missing zip64 extra field');
}

/**
 * The archive's entries, or a ZipRefusal. Checks, before inflating anything: the end record and
 * central directory are well-formed; the entry count, each entry's declared size, the declared
 * total and each large entry's compression ratio are within `limits`; every local header agrees
 * with its central record (name, method, and sizes and CRC unless deferred to a data descriptor);
 * entries' data do not overlap (the overlapping-files bomb) and lie inside the archive; names are
 * unique; no entry is encrypted or uses a method other than stored or deflate.
 */
export function inspectZip(data: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (data.length < 22 || data.readUInt32LE(0) !== LOCAL) throw unreadable('not a zip archive');
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD && at + 22 + data.readUInt16LE(at + 20) === data.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory record');
  let count = data.readUInt16LE(eocd + 10);
  let cdSize = data.readUInt32LE(eocd + 12);
  let cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    need(data, loc, 20);
    if (data.readUInt32LE(loc) !== EOCD64_LOCATOR) throw unreadable('no zip64 locator');
    const at = u64(data, loc + 8);
    need(data, at, 56);
    if (data.readUInt32LE(at) !== EOCD64) throw unreadable('no zip64 end record');
    count = u64(data, at + 32);
    cdSize = u64(data, at + 40);
    cdOffset = u64(data, at + 48);
  }
  if (count > limits.entries)
    throw new ZipRefusal('entries', `${count} entries > ${limits.entries}`);
  need(data, cdOffset, cdSize);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const spans: { start: number; end: number }[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    need(data, at, 46);
    if (data.readUInt32LE(at) !== CENTRAL) throw unreadable('bad central directory record');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    let compressedSize = data.readUInt32LE(at + 20);
    let size = data.readUInt32LE(at + 24);
    const nameLen = data.readUInt16LE(at + 28);
    const extraLen = data.readUInt16LE(at + 30);
    const commentLen = data.readUInt16LE(at + 32);
    let localOffset = data.readUInt32LE(at + 42);
    need(data, at + 46, nameLen + extraLen + commentLen);
    const nameBytes = data.subarray(at + 46, at + 46 + nameLen);
    const name = nameBytes.toString('utf8');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const extraStart = at + 46 + nameLen;
      const z = zip64Extra(data, extraStart, extraStart + extraLen, {
        size: size === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localOffset === 0xffffffff,
      });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      localOffset = z.offset ?? localOffset;
    }
    at += 46 + nameLen + extraLen + commentLen;

    if (flags & 0x1) throw unreadable(`${name}: encrypted`);
    if (method !== 0 && method !== 8) throw unreadable(`${name}: compression method ${method}`);
    if (names.has(name)) throw unreadable(`${name}: duplicate entry`);
    names.add(name);
    if (size > limits.entryBytes)
      throw new ZipRefusal('size', `${name}: declares ${size} bytes > ${limits.entryBytes}`);
    total += size;
    if (total > limits.totalBytes)
      throw new ZipRefusal('size', `declared total ${total} bytes > ${limits.totalBytes}`);
    if (size > RATIO_FLOOR && size > compressedSize * limits.ratio)
      throw new ZipRefusal('ratio', `${name}: ${size} bytes from ${compressedSize}`);
    if (method === 0 && size !== compressedSize) throw unreadable(`${name}: stored sizes differ`);

    need(data, localOffset, 30);
    if (data.readUInt32LE(localOffset) !== LOCAL) throw unreadable(`${name}: no local header`);
    const localFlags = data.readUInt16LE(localOffset + 6);
    const localNameLen = data.readUInt16LE(localOffset + 26);
    const localExtraLen = data.readUInt16LE(localOffset + 28);
    need(data, localOffset + 30, localNameLen + localExtraLen);
    if (
      data.readUInt16LE(localOffset + 8) !== method ||
      !data.subarray(localOffset + 30, localOffset + 30 + localNameLen).equals(nameBytes)
    )
      throw new ZipRefusal('lying', `${name}: local header disagrees with the central directory`);
    if (!(localFlags & 0x8)) {
      const lCrc = data.readUInt32LE(localOffset + 14);
      const lCompressed = data.readUInt32LE(localOffset + 18);
      const lSize = data.readUInt32LE(localOffset + 22);
      const zip64 = lCompressed === 0xffffffff || lSize === 0xffffffff;
      if (lCrc !== crc || (!zip64 && (lCompressed !== compressedSize || lSize !== size)))
        throw new ZipRefusal('lying', `${name}: local sizes disagree with the central directory`);
    }
    const dataOffset = localOffset + 30 + localNameLen + localExtraLen;
    need(data, dataOffset, compressedSize);
    if (dataOffset + compressedSize > cdOffset) throw unreadable(`${name}: data past its place`);
    spans.push({ start: localOffset, end: dataOffset + compressedSize });
    entries.push({ name, method, crc, compressedSize, size, dataOffset });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    const cur = spans[i];
    if (prev !== undefined && cur !== undefined && cur.start < prev.end)
      throw new ZipRefusal('lying', 'entries overlap');
  }
  return entries;
}

/**
 * Inflates one entry, handing each chunk to `onChunk`, and stops with ZipRefusal 'lying' as soon
 * as the output passes the size the entry declared (so memory and time are bounded by the
 * declared size, which inspectZip has already bounded). At the end the size and CRC-32 must match
 * the headers ('unreadable' otherwise).
 */
export async function inflateEntry(
  data: Buffer,
  entry: ZipEntry,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const raw = data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (crc32(raw) !== entry.crc) throw unreadable(`${entry.name}: CRC mismatch`);
    onChunk(raw);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(raw);
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.size)
        throw new ZipRefusal('lying', `${entry.name}: inflates past its declared ${entry.size}`);
      crc = crc32(chunk, crc);
      onChunk(chunk);
    }
  } catch (e) {
    inflater.destroy();
    if (e instanceof ZipRefusal) throw e;
    throw unreadable(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (produced !== entry.size) throw unreadable(`${entry.name}: size mismatch`);
  if (crc !== entry.crc) throw unreadable(`${entry.name}: CRC mismatch`);
}

/** An entry's whole text (UTF-8), for the small parts (workbook, relationships, styles). */
export async function entryText(data: Buffer, entry: ZipEntry): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  await inflateEntry(data, entry, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
}
