import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, startServer, type RunningServer } from './harness';

/**
 * The process lifecycle of `npm start` with the embedded PostgreSQL: data survives a restart, and a
 * second process on the same data directory refuses to start with a clear message.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-life-'));
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'thidua.luongdien', password: 'demo' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('npm start lifecycle (embedded PostgreSQL)', () => {
  it('keeps data across a restart and does not seed twice', async () => {
    server = await startServer({}, dataDir);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: string };
    expect(health.database).toBe('embedded');
    let cookie = await login(server.url);
    const office = (await (
      await fetch(`${server.url}/api/units?search=van%20phong`, { headers: { cookie } })
    ).json()) as { items: { id: number }[] };
    const created = await fetch(`${server.url}/api/people`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        fullName: 'Lưu Văn Khởi Động',
        category: 'cong_chuc',
        unitId: office.items[0]?.id,
      }),
    });
    expect(created.status).toBe(201);
    const countPeople = async (url: string, c: string) =>
      (
        (await (
          await fetch(`${url}/api/people?pageSize=1`, { headers: { cookie: c } })
        ).json()) as { total: number }
      ).total;
    const before = await countPeople(server.url, cookie);
    await server.stop();

    server = await startServer({}, dataDir);
    cookie = await login(server.url);
    expect(await countPeople(server.url, cookie)).toBe(before);
    const found = (await (
      await fetch(`${server.url}/api/people?search=luu%20van%20khoi%20dong`, {
        headers: { cookie },
      })
    ).json()) as { items: { fullName: string }[] };
    expect(found.items.map((p) => p.fullName)).toEqual(['Lưu Văn Khởi Động']);
  });

  it('refuses a second process on the same data directory', async () => {
    const second = spawnServer(dataDir, await freePort());
    let output = '';
    second.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    second.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('đang được một tiến trình ThiĐua khác sử dụng');
    expect((await fetch(`${server?.url ?? ''}/api/health`)).status).toBe(200); // the first one still runs
  });
});
