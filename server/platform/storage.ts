import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { actorId, type Ctx } from './context';
import type { Executor } from './db';

/**
 * Uploaded and generated files. Local disk by default; an S3-compatible store can implement the
 * same interface for a multi-process deployment.
 */
export interface FileStorage {
  put(data: Buffer, hint: string): Promise<{ key: string; sha256: string; size: number }>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function localDiskStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error(`bad storage key ${key}`);
    return p;
  };
  return {
    async put(data, hint) {
      const safe = hint.replace(/[^a-zA-Z0-9._-]/g, '_').slice(-60);
      const day = new Date().toISOString().slice(0, 10);
      const key = `${day}/${randomUUID()}-${safe}`;
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
      return { key, sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
    },
    get: (key) => fs.readFile(resolve(key)),
    async remove(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}

/**
 * Records a file already written by `FileStorage.put` in `stored_file`, created by the context's
 * actor at `ctx.now()`; returns the row's id. The caller removes the stored bytes if its
 * transaction fails.
 */
export async function insertStoredFile(
  db: Executor,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  put: { key: string; sha256: string; size: number },
  file: { originalName: string; contentType: string },
): Promise<{ id: string }> {
  return db
    .insertInto('storedFile')
    .values({
      storageKey: put.key,
      originalName: file.originalName,
      contentType: file.contentType,
      sizeBytes: put.size,
      sha256: put.sha256,
      createdBy: actorId(ctx.actor),
      createdAt: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The `stored_file` row; throws when there is none (a job's payload names a file it stored). */
export function getStoredFile(db: Executor, id: string) {
  return db.selectFrom('storedFile').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
