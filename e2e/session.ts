import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { addDays, formatVietnamDate, vietnamDate } from '../shared/dates';
import { watchConsole, type ConsoleWatch, type ConsoleWatchOptions } from './console';
import { launchBrowser, startServer, type RunningServer } from './harness';

/**
 * What the browser tests do over and over: sign a demo account in through the login page, type a
 * date into an antd DatePicker, name a date relative to Vietnam's today, save a screenshot.
 *
 *   const signIn = signInTo(() => ({ browser, url: server.url }));
 *   const page = await signIn('thidua.chauthanh');
 *   const { page, watch } = await signIn('thidua.luongdien', { width: 375, watch: true });
 */

/** Where to sign in: read at each sign-in (a test may restart its server on another port). */
export type Site = { browser: Browser; url: string };

export type SignInOptions = {
  /** Viewport width (default 1366); the height is 900, or 800 for a phone. */
  width?: number;
  /** A phone: touch, mobile viewport, 800 px high. */
  phone?: boolean;
  /** The browser's clock, fixed at this instant (for a server on a test clock). */
  clock?: string | Date;
};

/** A signed-in page with the watcher of its console, attached before the login page opened. */
export type WatchedSession = { page: Page; watch: ConsoleWatch };

export type SignIn = {
  /** Signs `username` in (password "demo") in a fresh browser context; resolves off /login. */
  (username: string, options?: SignInOptions & { watch?: false }): Promise<Page>;
  /**
   * The same, watching the console from the first request on (`watch: true`, or the problems to
   * tolerate): the login page itself must be clean, asserted before the password is typed.
   */
  (
    username: string,
    options: SignInOptions & { watch: true | ConsoleWatchOptions },
  ): Promise<WatchedSession>;
};

/** Asserts that the session's console stayed clean (`where` names the step), then closes it. */
export async function closeClean(s: WatchedSession, where: string): Promise<void> {
  await s.watch.settle();
  s.watch.assertClean(where);
  await s.page.context().close();
}

async function newContext(browser: Browser, options: SignInOptions): Promise<BrowserContext> {
  const width = options.width ?? 1366;
  const context = await browser.newContext({
    locale: 'vi-VN',
    acceptDownloads: true,
    viewport: { width, height: options.phone ? 800 : 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  if (options.clock !== undefined) await context.clock.setFixedTime(new Date(options.clock));
  return context;
}

/** The sign-in function of a test file, bound to its browser and server. */
export function signInTo(site: () => Site): SignIn {
  async function signIn(
    username: string,
    options: SignInOptions & { watch?: boolean | ConsoleWatchOptions } = {},
  ): Promise<Page | WatchedSession> {
    const { browser, url } = site();
    const context = await newContext(browser, options);
    const page = await context.newPage();
    const watch =
      options.watch === undefined || options.watch === false
        ? null
        : watchConsole(page, options.watch === true ? {} : options.watch);
    await page.goto(`${url}/login`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    if (watch) {
      await watch.settle();
      watch.assertClean(`/login before ${username} signs in`);
    }
    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    return watch ? { page, watch } : page;
  }
  return signIn as SignIn;
}

/** The demo server and Chromium of a test file, with its sign-in bound to them. */
export type TestSite = Site & { readonly server: RunningServer; readonly signIn: SignIn };

/**
 * Starts the demo server (with `env`) and Chromium before the file's tests and stops them after:
 * `const site = useSite();` at the top of a test file, then `site.url`, `site.signIn(...)`.
 */
export function useSite(env: Record<string, string> = {}): TestSite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    ({ browser } = await launchBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the server and the browser start in beforeAll');
    return x;
  };
  const site: TestSite = {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get url() {
      return started(server).url;
    },
    signIn: signInTo(() => site),
  };
  return site;
}

/** The text of a plan seed fixture of the plan reader (e.g. '001_584ab46066cf9e5a.txt'). */
export function seedText(file: string): string {
  const seeds = path.join(
    import.meta.dirname,
    '../server/modules/campaigns/plan-reader/fixtures/seeds',
  );
  return fs.readFileSync(path.join(seeds, file), 'utf8');
}

/** Types a date ('dd/mm/yyyy') into an antd DatePicker found by its label. */
export async function setDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(ddmmyyyy);
  await input.press('Tab');
}

/** 'dd/mm/yyyy' of Vietnam's today plus `days` (the demo server runs on the real clock). */
export function vnDate(days: number): string {
  return formatVietnamDate(addDays(vietnamDate(new Date()), days));
}

/** Where screenshots go (E2E_SCREENSHOTS), or undefined when the run takes none. */
export const shotsDir = process.env.E2E_SCREENSHOTS;

/**
 * The screenshot function of a test file: `shot(page, name)` saves `<prefix><name>.png` (the
 * whole page unless `fullPage` is false) into E2E_SCREENSHOTS, and does nothing without it.
 */
export function screenshots(prefix = '') {
  return async (page: Page, name: string, fullPage = true): Promise<void> => {
    if (!shotsDir) return;
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${prefix}${name}.png`), fullPage });
  };
}

/**
 * A JSON API call made with the page's session (its cookies): the parsed body, or an error naming
 * the call, its status and its body when it does not succeed (status ≥ 300).
 */
export async function callApi<T>(
  site: Site,
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  data?: object,
): Promise<T> {
  const res = await page.request.fetch(`${site.url}${url}`, {
    method,
    ...(method === 'GET' ? {} : { data: data ?? {} }),
  });
  if (res.status() >= 300) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
