import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

const MIN = 60_000;

describe('LoginThrottle', () => {
  // Each row: failures at these minutes, then ask at `ask` from `ip` → retry-after in minutes.
  const cases: {
    name: string;
    failures: number[];
    success?: { at: number; ip: string };
    ask: number;
    ip: string;
    wait: number;
  }[] = [
    { name: 'below the limit', failures: [0, 1], ask: 2, ip: 'a', wait: 0 },
    { name: 'at the limit', failures: [0, 1, 2], ask: 3, ip: 'a', wait: 12 },
    {
      name: 'lock ends when the oldest failure leaves',
      failures: [0, 1, 2],
      ask: 15,
      ip: 'a',
      wait: 0,
    },
    {
      name: 'failures outside the window do not count',
      failures: [0, 20, 21],
      ask: 22,
      ip: 'a',
      wait: 0,
    },
    {
      name: 'only the newest failures matter',
      failures: [0, 1, 2, 3, 4],
      ask: 5,
      ip: 'a',
      wait: 12,
    },
    {
      name: 'a success clears the failures',
      failures: [0, 1, 2],
      success: { at: 3, ip: 'home' },
      ask: 3,
      ip: 'a',
      wait: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const th = new LoginThrottle({ maxFailures: 3, windowMs: 15 * MIN });
      for (const f of c.failures) th.recordFailure('User', f * MIN);
      if (c.success) th.recordSuccess('user', c.success.ip, c.success.at * MIN);
      expect(th.retryAfterMs('USER', c.ip, c.ask * MIN)).toBe(c.wait * MIN);
    });
  }

  it('lets an IP the account signed in from through a lock, until it is forgotten', () => {
    const th = new LoginThrottle({ maxFailures: 2, windowMs: 15 * MIN, knownIpMs: 60 * MIN });
    th.recordSuccess('u', 'home', 0);
    th.recordFailure('u', 40 * MIN);
    th.recordFailure('u', 41 * MIN);
    expect(th.retryAfterMs('u', 'home', 42 * MIN)).toBe(0);
    expect(th.retryAfterMs('u', 'elsewhere', 42 * MIN)).toBe(13 * MIN);
    expect(th.retryAfterMs('u', null, 42 * MIN)).toBe(13 * MIN);
    th.recordFailure('u', 70 * MIN);
    th.recordFailure('u', 71 * MIN);
    expect(th.retryAfterMs('u', 'home', 72 * MIN)).toBe(13 * MIN); // known too long ago
  });
});
