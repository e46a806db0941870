/** Calendar dates are Vietnam's (UTC+7): a change at 06:00 on 1/7 happened on 1/7, not 30/6. */
const vnDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of an instant in Vietnam time. */
export function vietnamDate(at: Date): string {
  return vnDate.format(at);
}
