import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';

/**
 * A minimal streaming POSIX tar (ustar, with pax headers for long names): enough for the backup
 * archive (decision 029), readable by `tar -tzf`. Regular files only.
 */

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

function octal(header: Buffer, offset: number, length: number, value: number): void {
  field(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

function headerBlock(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  field(h, 0, 100, name);
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.floor(mtime / 1000));
  h.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  field(h, 156, 1, type);
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The header blocks for one entry: a pax `path` record first when the name is long or not ASCII. */
export function entryHeader(name: string, size: number, mtime = Date.now()): Buffer {
  if (Buffer.byteLength(name) < 100 && /^[\x20-\x7e]*$/.test(name))
    return headerBlock(name, size, '0', mtime);
  const body = (len: number) => `${len} path=${name}\n`;
  let len = Buffer.byteLength(body(0));
  while (Buffer.byteLength(body(len)) !== len) len = Buffer.byteLength(body(len));
  const record = Buffer.from(body(len));
  return Buffer.concat([
    headerBlock('PaxHeader', record.length, 'x', mtime),
    record,
    padding(record.length),
    headerBlock(name.slice(-99).replace(/[^\x20-\x7e]/g, '_'), size, '0', mtime),
  ]);
}

/** Writes with back-pressure. */
export async function writeAll(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes one entry whose bytes are in memory. */
export async function writeEntry(out: Writable, name: string, data: Buffer): Promise<void> {
  await writeAll(out, entryHeader(name, data.length));
  await writeAll(out, data);
  await writeAll(out, padding(data.length));
}

/** Writes one entry of a known size from a stream (a stored file), checking the size. */
export async function writeStreamEntry(
  out: Writable,
  name: string,
  size: number,
  body: AsyncIterable<Buffer>,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  await writeAll(out, entryHeader(name, size));
  let written = 0;
  for await (const chunk of body) {
    written += chunk.length;
    if (written > size) throw new Error(`${name} grew while it was being copied`);
    onChunk(chunk);
    await writeAll(out, chunk);
  }
  if (written !== size) throw new Error(`${name} shrank while it was being copied`);
  await writeAll(out, padding(size));
}

/** The end-of-archive marker. */
export function endOfArchive(): Buffer {
  return Buffer.alloc(BLOCK * 2);
}

/** Pulls exact byte counts from a stream. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly source: AsyncIterator<Buffer>;
  constructor(stream: Readable) {
    this.source = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }
  private async fill(n: number): Promise<void> {
    while (this.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
  }
  /** Up to `max` bytes (at least one unless at the end). */
  async some(max: number): Promise<Buffer> {
    await this.fill(1);
    const first = this.buffered[0];
    if (first === undefined) return Buffer.alloc(0);
    const take = first.subarray(0, max);
    if (take.length === first.length) this.buffered.shift();
    else this.buffered[0] = first.subarray(take.length);
    this.length -= take.length;
    return take;
  }
  async exactly(n: number): Promise<Buffer> {
    await this.fill(n);
    if (this.length < n) throw new Error('the archive ends in the middle of an entry');
    const all = Buffer.concat(this.buffered);
    this.buffered = all.length > n ? [all.subarray(n)] : [];
    this.length -= n;
    return all.subarray(0, n);
  }
}

export type TarEntry = {
  name: string;
  size: number;
  /** The entry's bytes in chunks; must be consumed (or skipped with `drain`) before the next entry. */
  body: () => AsyncGenerator<Buffer>;
};

function readString(h: Buffer, offset: number, length: number): string {
  const raw = h.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(h: Buffer, offset: number, length: number): number {
  const text = readString(h, offset, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new Error('not a tar archive (bad number in a header)');
  return parseInt(text, 8);
}

/** Reads entries one after another. Regular files only; anything else is refused. */
export async function* readTar(stream: Readable): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(stream);
  let paxPath: string | undefined;
  for (;;) {
    const h = await reader.exactly(BLOCK);
    if (h.every((b) => b === 0)) return;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
    if (sum !== readOctal(h, 148, 8)) throw new Error('not a tar archive (header checksum)');
    const size = readOctal(h, 124, 12);
    const type = readString(h, 156, 1);
    if (type === 'x') {
      const record = (await reader.exactly(size)).toString('utf8');
      await reader.exactly((BLOCK - (size % BLOCK)) % BLOCK);
      const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(record);
      paxPath = match?.[1];
      continue;
    }
    if (type !== '0' && type !== '') throw new Error(`unexpected tar entry type "${type}"`);
    const prefix = readString(h, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${readString(h, 0, 100)}` : readString(h, 0, 100));
    paxPath = undefined;
    let remaining = size;
    let consumed = false;
    const body = async function* (): AsyncGenerator<Buffer> {
      if (consumed) throw new Error(`entry ${name} read twice`);
      consumed = true;
      while (remaining > 0) {
        const chunk = await reader.some(Math.min(remaining, 1 << 20));
        if (chunk.length === 0) throw new Error('the archive ends in the middle of an entry');
        remaining -= chunk.length;
        yield chunk;
      }
    };
    yield { name, size, body };
    if (!consumed) for await (const _ of body()) void _;
    else if (remaining > 0) throw new Error(`entry ${name} was not read to its end`);
    await reader.exactly((BLOCK - (size % BLOCK)) % BLOCK);
  }
}
