/**
 * Per-account login throttling (the per-IP limit is @fastify/rate-limit's): failed password checks
 * are counted per username across all IPs in a sliding window. Once `maxFailures` fall inside the
 * window the username is refused until the oldest of them leaves it, so a lock lasts at most
 * `windowMs` and attempts refused while locked are not counted (they cannot prolong it).
 *
 * So that an attacker cannot keep a real user out, an IP this account signed in from (in this
 * process, within `knownIpMs`) still gets its password checked while the account is locked.
 * The state is per process, like the per-IP limit (decision 030).
 */
export type LoginThrottleSettings = { maxFailures: number; windowMs: number; knownIpMs?: number };

type Entry = { failures: number[]; knownIps: Map<string, number> };

const MAX_ACCOUNTS = 50_000;
const MAX_KNOWN_IPS = 20;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly knownIpMs: number;

  constructor(private readonly settings: LoginThrottleSettings) {
    this.knownIpMs = settings.knownIpMs ?? 30 * 24 * 3_600_000;
  }

  private entry(username: string): Entry {
    const key = username.toLowerCase();
    let e = this.entries.get(key);
    if (e === undefined) {
      // Bounded memory: a flood of made-up usernames evicts the oldest entries first.
      if (this.entries.size >= MAX_ACCOUNTS) {
        const oldest = this.entries.keys().next();
        if (oldest.done !== true) this.entries.delete(oldest.value);
      }
      e = { failures: [], knownIps: new Map() };
      this.entries.set(key, e);
    }
    return e;
  }

  private prune(e: Entry, now: number): void {
    const from = now - this.settings.windowMs;
    while (e.failures.length > 0 && (e.failures[0] ?? 0) <= from) e.failures.shift();
  }

  /**
   * Milliseconds until `username` may try again from `ip` (0 = now): positive only while
   * `maxFailures` failures lie inside the window and `ip` is not one it signed in from.
   */
  retryAfterMs(username: string, ip: string | null, now: number): number {
    const e = this.entries.get(username.toLowerCase());
    if (e === undefined) return 0;
    this.prune(e, now);
    if (e.failures.length < this.settings.maxFailures) return 0;
    const knownAt = ip === null ? undefined : e.knownIps.get(ip);
    if (knownAt !== undefined && now - knownAt < this.knownIpMs) return 0;
    const oldest = e.failures[e.failures.length - this.settings.maxFailures] ?? now;
    return Math.max(1, oldest + this.settings.windowMs - now);
  }

  /** Counts one failed password check for `username`. */
  recordFailure(username: string, now: number): void {
    const e = this.entry(username);
    this.prune(e, now);
    e.failures.push(now);
    // Only the newest maxFailures matter for the lock.
    if (e.failures.length > this.settings.maxFailures) e.failures.shift();
  }

  /** A successful sign-in: clears the failures and remembers the IP as the account's own. */
  recordSuccess(username: string, ip: string | null, now: number): void {
    const e = this.entry(username);
    e.failures = [];
    if (ip === null) return;
    e.knownIps.delete(ip);
    e.knownIps.set(ip, now);
    if (e.knownIps.size > MAX_KNOWN_IPS) {
      const oldest = e.knownIps.keys().next();
      if (oldest.done !== true) e.knownIps.delete(oldest.value);
    }
  }
}
