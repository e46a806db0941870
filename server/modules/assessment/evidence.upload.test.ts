import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import type { FileStorage } from '../../platform/storage';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { openSheet, saveSelfEntry, submitSheet } from './assessment.service';
import { uploadEvidence } from './evidence.service';
import { MAX_EVIDENCE_PER_LEAF } from './evidence.rules';
import { expectAppError, files, world } from '../../test/evaluation';
import { computeResults, publishResults } from '../results/index';

/**
 * An upload's bytes are stored only once the caller may attach that file now (who, the sheet's
 * step, the results lock, the leaf, the per-leaf limit), and two uploads racing for the last
 * place on a leaf cannot both take it.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

/**
 * A storage that records what is stored and removed; with `barrier`, each `put` waits until that
 * many puts have started, so concurrent uploads have all passed their first checks before either
 * transaction begins.
 */
function recording(inner: FileStorage, barrier = 1) {
  const puts: string[] = [];
  const removed: string[] = [];
  let started = 0;
  let release = () => {};
  const allStarted = new Promise<void>((resolve) => {
    release = resolve;
  });
  const storage: FileStorage = {
    put: async (data, hint) => {
      started += 1;
      if (started >= barrier) release();
      await allStarted;
      const r = await inner.put(data, hint);
      puts.push(r.key);
      return r;
    },
    get: (key) => inner.get(key),
    remove: async (key) => {
      removed.push(key);
      await inner.remove(key);
    },
  };
  return { puts, removed, storage };
}

const pdf = (name: string, nodeId = 'l11') => ({ nodeId, fileName: name, data: files.pdf });

describe('uploading evidence', () => {
  it('stores nothing for a caller who may not attach the file now', async () => {
    const w = await world(t);
    const head = w.as('head');
    const { id } = await openSheet(head, w.reg.id);
    const rec = recording(t.storage);
    const as = (ctx: Ctx): Ctx => ({ ...ctx, storage: rec.storage });

    // Readers without the right to act for the unit: the commune's staff, the council.
    for (const who of ['staff', 'council'] as const)
      await expectAppError(uploadEvidence(as(w.as(who)), id, pdf('a.pdf')), 'FORBIDDEN');
    // Not a leaf of the sheet, a survey leaf.
    await expectAppError(
      uploadEvidence(as(head), id, pdf('a.pdf', 'f1')),
      'VALIDATION_FAILED',
      'nodeId',
    );
    await expectAppError(
      uploadEvidence(as(head), id, pdf('a.pdf', 'l22')),
      'VALIDATION_FAILED',
      'nodeId',
    );
    expect(rec.puts).toEqual([]);

    // Submitted: locked.
    await saveSelfEntry(head, id, 'l11', { input: { met: true }, note: 'KH' });
    await saveSelfEntry(head, id, 'l12', { input: { percent: 95 } });
    await saveSelfEntry(head, id, 'l21', { input: { points: 4 }, note: 'Tin bài' });
    const sent = await submitSheet(head, id, { version: 1 });
    expect(sent.status).toBe('submitted');
    await expectAppError(uploadEvidence(as(head), id, pdf('b.pdf')), 'INVALID_STATE');
    expect(rec.puts).toEqual([]);
  });

  it('stores nothing while the plan’s results are published', async () => {
    const w = await world(t);
    const head = w.as('head');
    const { id } = await openSheet(head, w.reg.id);
    await computeResults(w.as('officer'), w.plan.id);
    await publishResults(w.as('issuerHead'), w.plan.id);
    const rec = recording(t.storage);
    const e = await expectAppError(
      uploadEvidence({ ...head, storage: rec.storage }, id, pdf('a.pdf')),
      'INVALID_STATE',
    );
    expect(e.message).toContain('Kết quả của kế hoạch đã công bố');
    expect(rec.puts).toEqual([]);
  });

  it('stores nothing once the leaf holds the most files allowed', async () => {
    const w = await world(t);
    const head = w.as('head');
    const { id } = await openSheet(head, w.reg.id);
    for (let i = 0; i < MAX_EVIDENCE_PER_LEAF; i++)
      await uploadEvidence(head, id, pdf(`tep-${i}.pdf`));
    const rec = recording(t.storage);
    const e = await expectAppError(
      uploadEvidence({ ...head, storage: rec.storage }, id, pdf('them.pdf')),
      'VALIDATION_FAILED',
      'file',
    );
    expect(e.message).toContain(`đã có ${MAX_EVIDENCE_PER_LEAF} tệp`);
    expect(rec.puts).toEqual([]);
  });

  it('lets only one of two simultaneous uploads take the last place on a leaf', async () => {
    const w = await world(t);
    const head = w.as('head');
    const { id } = await openSheet(head, w.reg.id);
    for (let i = 0; i < MAX_EVIDENCE_PER_LEAF - 1; i++)
      await uploadEvidence(head, id, pdf(`tep-${i}.pdf`));
    // Both pass the first checks (19 files) before either transaction starts.
    const rec = recording(t.storage, 2);
    const ctx = { ...head, storage: rec.storage };
    const outcomes = await Promise.allSettled([
      uploadEvidence(ctx, id, pdf('a.pdf')),
      uploadEvidence(ctx, id, pdf('b.pdf')),
    ]);
    expect(rec.puts).toHaveLength(2);
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o): unknown[] => (o.status === 'rejected' ? [o.reason] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const reason = refused[0];
    expect(reason).toBeInstanceOf(AppError);
    expect(reason).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((reason as AppError).message).toContain(`đã có ${MAX_EVIDENCE_PER_LEAF} tệp`);
    const count = await t.db
      .selectFrom('scoreEvidence')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sheetId', '=', id)
      .where('nodeId', '=', 'l11')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(MAX_EVIDENCE_PER_LEAF);
    // The refused upload's bytes are removed again; the accepted one's are kept.
    expect(rec.removed).toHaveLength(1);
    const kept = rec.puts.filter((k) => !rec.removed.includes(k));
    expect(kept).toHaveLength(1);
    await expect(t.storage.get(kept[0] ?? '')).resolves.toBeInstanceOf(Buffer);
    await expect(t.storage.get(rec.removed[0] ?? '')).rejects.toThrow();
  });
});
