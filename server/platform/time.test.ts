import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { processClock, vietnamDate } from './time';

describe('process clock', () => {
  it('reads the real time when no start is given', () => {
    let real = Date.parse('2026-11-22T03:00:00Z');
    const now = processClock(undefined, () => real);
    expect(now().toISOString()).toBe('2026-11-22T03:00:00.000Z');
    real += 5_000;
    expect(now().toISOString()).toBe('2026-11-22T03:00:05.000Z');
  });

  it('starts at the test instant and runs on at the real pace', () => {
    let real = Date.parse('2026-11-22T03:00:00Z');
    const now = processClock(new Date('2020-07-30T16:59:00Z'), () => real);
    expect(now().toISOString()).toBe('2020-07-30T16:59:00.000Z');
    expect(vietnamDate(now())).toBe('2020-07-30');
    real += 60_000; // one minute later it is midnight in Vietnam
    expect(vietnamDate(now())).toBe('2020-07-31');
  });
});

describe('CLOCK_START', () => {
  const base = { DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' } as const;

  it('is read in development and test', () => {
    const c = loadConfig({ ...base, NODE_ENV: 'test', CLOCK_START: '2020-07-20T03:00:00Z' });
    expect(c.clockStart?.toISOString()).toBe('2020-07-20T03:00:00.000Z');
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).clockStart).toBeUndefined();
  });

  it('is refused in production and when not an instant', () => {
    expect(() =>
      loadConfig({ ...base, NODE_ENV: 'production', CLOCK_START: '2020-07-20T03:00:00Z' }),
    ).toThrow(/CLOCK_START/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'test', CLOCK_START: '20/7/2020' })).toThrow(
      /CLOCK_START/,
    );
  });
});
