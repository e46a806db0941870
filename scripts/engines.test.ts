import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  installedEngineMismatches,
  lockfileEngineMismatches,
  nodeVersionsToAdmit,
} from './engines';

const root = path.resolve(import.meta.dirname, '..');

describe('dependency engines admit the Node versions we support', () => {
  const versions = nodeVersionsToAdmit(root);

  it('checks our lowest supported Node and the running one', () => {
    expect(versions[0]).toBe('20.19.0');
    expect(versions).toContain(process.version.slice(1));
  });

  it('every package in package-lock.json admits them (what `npm ci` installs)', () => {
    expect(lockfileEngineMismatches(root, versions)).toEqual([]);
  });

  it('every package installed in node_modules admits them (no EBADENGINE on install)', () => {
    expect(installedEngineMismatches(root, versions)).toEqual([]);
  });

  it('flags a package that needs a newer Node, nested or scoped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-engines-'));
    try {
      const write = (rel: string, json: object) => {
        fs.mkdirSync(path.join(dir, rel), { recursive: true });
        fs.writeFileSync(path.join(dir, rel, 'package.json'), JSON.stringify(json));
      };
      write('.', { name: 'app', engines: { node: '>=20.19' } });
      write('node_modules/ok', { name: 'ok', engines: { node: '^18 || >=20' } });
      write('node_modules/@s/new', { name: '@s/new', engines: { node: '>=22' } });
      write('node_modules/ok/node_modules/deep', { name: 'deep', engines: { node: '^22 || ^24' } });
      fs.writeFileSync(
        path.join(dir, 'package-lock.json'),
        JSON.stringify({
          packages: {
            '': { name: 'app' },
            'node_modules/ok': { engines: { node: '^18 || >=20' } },
            'node_modules/cookie': { engines: { node: '>=22' } },
          },
        }),
      );
      const vs = nodeVersionsToAdmit(dir, 'v20.19.0');
      expect(vs).toEqual(['20.19.0']);
      expect(installedEngineMismatches(dir, vs).map((m) => m.name)).toEqual(['@s/new', 'deep']);
      expect(lockfileEngineMismatches(dir, vs)).toEqual([
        { where: 'node_modules/cookie', name: 'cookie', node: '>=22', excludes: '20.19.0' },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
