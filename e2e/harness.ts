import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * End-to-end harness: the real server (as `npm start` runs it, embedded PostgreSQL and demo data
 * in a fresh data directory, from server/test/server-process.ts) and Debian's Chromium driven by
 * playwright-core.
 */

export {
  freePort,
  spawnServer,
  startServer,
  type RunningServer,
} from '../server/test/server-process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    locale: 'vi-VN',
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
  });
  return { browser, context };
}
