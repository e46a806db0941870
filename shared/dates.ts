/**
 * Vietnam's calendar, shared by the server and the web so that every "còn N ngày" in the product
 * counts the same days, whatever the time zone of the server or the browser.
 *
 * Vietnam keeps UTC+7 all year (no daylight saving), so the Vietnam date of an instant is the UTC
 * date of that instant shifted by seven hours: 16:59 UTC is still the same day, 17:00 UTC is
 * already the next. A date without a time ('YYYY-MM-DD': deadlines, periods) is a Vietnam
 * calendar date as it stands.
 */

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Vietnam calendar date ('YYYY-MM-DD') or an instant (a Date or an ISO timestamp). */
export type DateOrInstant = string | Date;

/** Days since 1970-01-01 of the Vietnam calendar day of `x`. */
function vietnamDayNumber(x: DateOrInstant): number {
  if (typeof x === 'string') {
    const m = DATE_ONLY.exec(x);
    if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    const ms = Date.parse(x);
    if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${x}`);
    return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
  }
  const ms = x.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Not a date: Invalid Date');
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

const fromDayNumber = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 'YYYY-MM-DD' of an instant (or a date) in Vietnam: 06:00 on 1/7 in Hà Nội is 1/7, not 30/6. */
export function vietnamDate(at: DateOrInstant): string {
  return fromDayNumber(vietnamDayNumber(at));
}

/**
 * Whole calendar days in Vietnam from `now` to `deadline`: 0 when the deadline is today, 1 when it
 * is tomorrow (whatever the hour), negative once it has passed (-1 = it was yesterday). Each side
 * is a Vietnam date or an instant, taken at its Vietnam calendar day.
 */
export function daysLeft(deadline: DateOrInstant, now: DateOrInstant): number {
  return vietnamDayNumber(deadline) - vietnamDayNumber(now);
}

/** The Vietnam date `days` days after (before, if negative) `date`. */
export function addDays(date: DateOrInstant, days: number): string {
  return fromDayNumber(vietnamDayNumber(date) + days);
}

/** 'DD/MM/YYYY' of the Vietnam calendar day of `x`, as documents and messages write dates. */
export function formatVietnamDate(x: DateOrInstant): string {
  return vietnamDate(x).split('-').reverse().join('/');
}
