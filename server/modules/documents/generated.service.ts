import type { Ctx } from '../../platform/context';
import { insertStoredFile } from '../../platform/storage';
import * as q from './generated.queries';
import type { GeneratedKey } from './generated.queries';

export type { GeneratedKey } from './generated.queries';

/**
 * The stored bytes generated for a subject at a version in a format, if any. Rendering happens
 * once per key; every later download returns these bytes (byte-identical re-downloads).
 */
export async function findGenerated(ctx: Ctx, key: GeneratedKey): Promise<Buffer | undefined> {
  const stored = await q.findGeneratedFile(ctx.db, key);
  return stored === undefined ? undefined : ctx.storage.get(stored.storageKey);
}

/**
 * Stores the bytes rendered for a subject at a version in a format, once. Two first downloads at
 * once: the second insert does nothing (both rendered equal bytes from the same snapshot), its
 * file row is dropped with its transaction and the file itself removed. Access to the subject is
 * the caller's check.
 */
export async function storeGenerated(
  ctx: Ctx,
  key: GeneratedKey,
  file: { data: Buffer; name: string; contentType: string },
): Promise<void> {
  const put = await ctx.storage.put(file.data, file.name);
  const kept = await ctx.db.transaction().execute(async (trx) => {
    const stored = await insertStoredFile(trx, ctx, put, {
      originalName: file.name,
      contentType: file.contentType,
    });
    const inserted = await q.insertGenerated(trx, key, stored.id, ctx.now());
    if (!inserted) await q.deleteStoredFileRow(trx, stored.id);
    return inserted;
  });
  if (!kept) await ctx.storage.remove(put.key);
}
