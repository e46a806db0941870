/** Calendar dates are Vietnam's (UTC+7): a change at 06:00 on 1/7 happened on 1/7, not 30/6. */
export { vietnamDate } from '../../shared/dates';

/**
 * The process clock: the real time, or — when `startAt` is given (test-only, see config
 * CLOCK_START) — a clock that reads `startAt` now and runs on at the real pace from there.
 */
export function processClock(startAt: Date | undefined, real: () => number = Date.now) {
  if (startAt === undefined) return () => new Date(real());
  const offset = startAt.getTime() - real();
  return () => new Date(real() + offset);
}
