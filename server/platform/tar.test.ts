import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { endOfArchive, readTar, writeEntry } from './tar';

async function pack(entries: [string, Buffer][]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  for (const [name, data] of entries) await writeEntry(out, name, data);
  out.end(endOfArchive());
  await new Promise((r) => out.on('end', r));
  return Buffer.concat(parts);
}

/** Feeds the archive in small, odd-sized chunks, as a gunzip stream would. */
async function unpack(archive: Buffer, chunk = 77): Promise<[string, string][]> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < archive.length; i += chunk) pieces.push(archive.subarray(i, i + chunk));
  const out: [string, string][] = [];
  for await (const e of readTar(Readable.from(pieces))) {
    const body: Buffer[] = [];
    for await (const c of e.body()) body.push(c);
    out.push([e.name, Buffer.concat(body).toString('utf8')]);
  }
  return out;
}

describe('tar', () => {
  it.each([
    [
      'a short name and an empty entry',
      [
        ['a.txt', 'x'],
        ['empty', ''],
      ],
    ],
    ['a 512-byte body (no padding)', [['block', 'b'.repeat(512)]]],
    [
      'a long, non-ASCII name (pax header)',
      [[`files/2026-12-07/${'x'.repeat(120)}-Kế hoạch.pdf`, 'nội dung']],
    ],
  ] as [string, [string, string][]][])('round-trips %s', async (_, entries) => {
    const archive = await pack(entries.map(([n, d]) => [n, Buffer.from(d)]));
    expect(archive.length % 512).toBe(0);
    expect(await unpack(archive)).toEqual(entries);
  });

  it('skips an entry whose body is not read, and refuses a damaged header or a cut archive', async () => {
    const archive = await pack([
      ['one', Buffer.from('1'.repeat(1000))],
      ['two', Buffer.from('2')],
    ]);
    const names: string[] = [];
    for await (const e of readTar(Readable.from([archive]))) names.push(e.name);
    expect(names).toEqual(['one', 'two']);

    const damaged = Buffer.from(archive);
    damaged[10] = 0x41;
    await expect(unpack(damaged)).rejects.toThrow(/checksum/);
    await expect(unpack(archive.subarray(0, 700))).rejects.toThrow(/ends in the middle/);
  });
});
