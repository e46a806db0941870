import { describe, expect, it } from 'vitest';
import type { ScoreSheetStatus } from '../../db/schema';
import { nextSheetStatus, sheetEvents, type SheetEvent } from './assessment.rules';

const statuses: ScoreSheetStatus[] = [
  'self_draft',
  'submitted',
  'returned',
  'explaining',
  'explained',
  'appraised',
  'published',
];

/** Every allowed move of a score sheet; every other (status, event) pair is refused. */
const allowed: [ScoreSheetStatus, SheetEvent, ScoreSheetStatus][] = [
  ['self_draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'return', 'returned'],
  ['submitted', 'request_explanation', 'explaining'],
  ['explaining', 'explain', 'explained'],
  ['submitted', 'complete_appraisal', 'appraised'],
  ['explained', 'complete_appraisal', 'appraised'],
];

describe('sheet state machine', () => {
  it.each(allowed)('%s --%s--> %s', (from, event, to) => {
    expect(nextSheetStatus(from, event)).toBe(to);
  });

  const refused = statuses.flatMap((from) =>
    sheetEvents
      .filter((event) => !allowed.some(([f, e]) => f === from && e === event))
      .map((event) => [from, event] as const),
  );
  it.each(refused)('%s refuses %s', (from, event) => {
    expect(nextSheetStatus(from, event)).toBeNull();
  });

  it('never leads to published: results lock the plan, not the sheet', () => {
    for (const from of statuses)
      for (const event of sheetEvents) expect(nextSheetStatus(from, event)).not.toBe('published');
  });
});
