import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  lockDataDir,
  packagedBinaries,
  startEmbeddedPostgres,
  StartupError,
} from './embedded-postgres';

const root = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** A folder like `mktemp -d` makes (mode 700): the `postgres` OS user cannot enter it. */
function privateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-private-'));
  fs.chmodSync(dir, 0o700);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Stands in for /var/lib/thidua. */
function homeDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-home-'));
  fs.chmodSync(dir, 0o755);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL from a checkout in a mode-700 directory', () => {
  it('starts, keeps its data across restarts, and (as root) lives where `postgres` can reach', async () => {
    const checkout = path.join(privateDir(), 'checkout');
    const home = homeDir();
    // The binaries inside the checkout too, as node_modules would be under /root/thidua.
    const packaged = await packagedBinaries();
    const nativeDir = path.join(checkout, 'node_modules', 'native');
    fs.cpSync(packaged.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(checkout, 'data');

    const unlock = lockDataDir(dataDir);
    const first = await startEmbeddedPostgres(dataDir, { home, nativeDir });
    try {
      await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      const [who] = await query(
        first.url,
        'SELECT current_user AS u, current_setting($$data_directory$$) AS d',
      );
      if (root) {
        const pointer = fs.readFileSync(path.join(dataDir, 'postgres.location'), 'utf8').trim();
        expect(pointer.startsWith(path.join(home, 'clusters') + path.sep)).toBe(true);
        expect(who?.d).toBe(pointer);
        expect(fs.readFileSync(path.join(path.dirname(pointer), 'data-dir'), 'utf8').trim()).toBe(
          dataDir,
        );
        expect(fs.existsSync(path.join(home, 'postgresql', packaged.version, 'bin'))).toBe(true);
      } else {
        expect(who?.d).toBe(path.join(dataDir, 'postgres'));
        expect(fs.readdirSync(home)).toEqual([]);
      }
    } finally {
      await first.stop();
      unlock();
    }

    const unlockAgain = lockDataDir(dataDir);
    const second = await startEmbeddedPostgres(dataDir, { home, nativeDir });
    try {
      expect(await query(second.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await second.stop();
      unlockAgain();
    }
  });

  it('a PostgreSQL that cannot start fails with one StartupError naming the remedy', async () => {
    const nativeDir = path.join(privateDir(), 'native');
    fs.mkdirSync(path.join(nativeDir, 'bin'), { recursive: true });
    for (const name of ['initdb', 'postgres'])
      fs.writeFileSync(
        path.join(nativeDir, 'bin', name),
        '#!/bin/sh\necho "could not access directory: Permission denied" >&2\nexit 1\n',
        { mode: 0o755 },
      );
    const dataDir = path.join(privateDir(), 'data');
    const unlock = lockDataDir(dataDir);
    try {
      const error: unknown = await startEmbeddedPostgres(dataDir, {
        home: homeDir(),
        nativeDir,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toContain('Permission denied');
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      unlock();
    }
  });
});
