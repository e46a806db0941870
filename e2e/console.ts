import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { expect } from 'vitest';

/**
 * A clean browser console on every page: collects what a user never sees but an officer opening
 * the developer tools (or a support call) would — console errors and warnings, uncaught page
 * errors, and failed requests (HTTP status >= 400, or a request that never got an answer) — so
 * an end-to-end test can assert there were none.
 *
 *   const watch = watchConsole(page);
 *   await page.goto(url);
 *   await watch.settle();
 *   watch.assertClean('trang chủ');
 */

export type ConsoleProblem = {
  kind: 'console' | 'pageerror' | 'response' | 'requestfailed';
  /** The console message, the error, or "403 GET /api/units/12". */
  text: string;
  /** The page's address when it happened. */
  page: string;
};

export type ConsoleWatchOptions = {
  /** Problems to tolerate (matched against `text`): only for what a test provokes on purpose. */
  ignore?: readonly (RegExp | string)[];
};

export type ConsoleWatch = {
  /** Everything collected since the start or the last `clear()`. */
  readonly problems: readonly ConsoleProblem[];
  /** Forgets what was collected (e.g. after a step that provokes an error on purpose). */
  clear: () => void;
  /** Waits until the page has no request in flight for `quietMs` (default 200), at most `timeoutMs`. */
  settle: (quietMs?: number, timeoutMs?: number) => Promise<void>;
  /** Fails the test, listing every problem, unless there is none; then clears. */
  assertClean: (where?: string) => void;
  /** Stops listening. */
  stop: () => void;
};

const path = (url: string) => {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
};

/** Starts collecting the console problems of `page` (and of the pages it navigates to). */
export function watchConsole(page: Page, options: ConsoleWatchOptions = {}): ConsoleWatch {
  const problems: ConsoleProblem[] = [];
  const ignored = (text: string) =>
    (options.ignore ?? []).some((m) => (typeof m === 'string' ? text.includes(m) : m.test(text)));
  const add = (kind: ConsoleProblem['kind'], text: string) => {
    if (!ignored(text)) problems.push({ kind, text, page: path(page.url()) });
  };
  let inFlight = 0;
  let lastActivity = Date.now();
  const touch = () => (lastActivity = Date.now());

  const onConsole = (m: ConsoleMessage) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // The browser's own line for a failed request repeats what `onResponse` reports.
    if (/^Failed to load resource: the server responded with a status of \d+/.test(m.text()))
      return;
    const at = m.location();
    add(
      'console',
      `${m.type()}: ${m.text()}${at.url ? ` (${path(at.url)}:${at.lineNumber})` : ''}`,
    );
  };
  const onPageError = (e: Error) => add('pageerror', e.stack ?? e.message);
  const onRequest = () => {
    inFlight++;
    touch();
  };
  const onRequestDone = () => {
    inFlight = Math.max(0, inFlight - 1);
    touch();
  };
  const onRequestFailed = (r: Request) => {
    onRequestDone();
    const reason = r.failure()?.errorText ?? 'failed';
    // Leaving a page cancels its pending requests: not a fault.
    if (reason.includes('ERR_ABORTED')) return;
    add('requestfailed', `${reason} ${r.method()} ${path(r.url())}`);
  };
  const onResponse = (r: Response) => {
    if (r.status() >= 400)
      add('response', `${r.status()} ${r.request().method()} ${path(r.url())}`);
  };

  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  page.on('requestfinished', onRequestDone);
  page.on('requestfailed', onRequestFailed);
  page.on('response', onResponse);

  return {
    get problems() {
      return problems;
    },
    clear: () => {
      problems.length = 0;
    },
    settle: async (quietMs = 200, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      touch();
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return;
        await page.waitForTimeout(50);
      }
    },
    assertClean: (where) => {
      const found = problems.map((p) => `[${p.kind}] ${p.text} — on ${p.page}`);
      problems.length = 0;
      expect(found, `browser console${where ? ` (${where})` : ''}`).toEqual([]);
    },
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('request', onRequest);
      page.off('requestfinished', onRequestDone);
      page.off('requestfailed', onRequestFailed);
      page.off('response', onResponse);
    },
  };
}
