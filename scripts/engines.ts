import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/**
 * The Node versions every dependency must accept: the lowest one our own `engines.node` allows
 * (we promise Node 20.19 and later, and `npm install` on Node 20 must print no EBADENGINE), and
 * the one running now.
 */
export function nodeVersionsToAdmit(rootDir: string, running = process.version): string[] {
  const pkg = readJson(path.join(rootDir, 'package.json'));
  const range = enginesNode(pkg);
  if (range === undefined) throw new Error('package.json has no engines.node');
  const lowest = semver.minVersion(range);
  if (lowest === null) throw new Error(`engines.node "${range}" admits no version`);
  const current = semver.clean(running);
  return [...new Set([lowest.version, ...(current === null ? [] : [current])])];
}

export type EngineMismatch = { where: string; name: string; node: string; excludes: string };

/** Packages in package-lock.json whose `engines.node` excludes one of `versions`. */
export function lockfileEngineMismatches(rootDir: string, versions: string[]): EngineMismatch[] {
  const lock = readJson(path.join(rootDir, 'package-lock.json'));
  const packages = isRecord(lock) && isRecord(lock.packages) ? lock.packages : {};
  const out: EngineMismatch[] = [];
  for (const [where, entry] of Object.entries(packages)) {
    if (where === '') continue; // the project itself
    const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name : nameAt(where);
    out.push(...mismatches(where, name, enginesNode(entry), versions));
  }
  return out;
}

/**
 * Packages installed under `node_modules` (nested and scoped too) whose `engines.node` excludes
 * one of `versions` — what `npm install` would warn about as EBADENGINE.
 */
export function installedEngineMismatches(rootDir: string, versions: string[]): EngineMismatch[] {
  const out: EngineMismatch[] = [];
  const visit = (modulesDir: string) => {
    for (const dir of packageDirs(modulesDir)) {
      const pkg = readJson(path.join(dir, 'package.json'));
      const name = isRecord(pkg) && typeof pkg.name === 'string' ? pkg.name : path.basename(dir);
      out.push(...mismatches(path.relative(rootDir, dir), name, enginesNode(pkg), versions));
      visit(path.join(dir, 'node_modules'));
    }
  };
  visit(path.join(rootDir, 'node_modules'));
  return out;
}

function mismatches(
  where: string,
  name: string,
  node: string | undefined,
  versions: string[],
): EngineMismatch[] {
  if (node === undefined) return [];
  // The same test npm makes before printing EBADENGINE (npm-install-checks).
  return versions
    .filter((v) => !semver.satisfies(v, node, { includePrerelease: true }))
    .map((excludes) => ({ where, name, node, excludes }));
}

function packageDirs(modulesDir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(modulesDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .bin, .package-lock.json, .vite
    const p = path.join(modulesDir, e.name);
    if (e.name.startsWith('@')) dirs.push(...packageDirs(p));
    else if ((e.isDirectory() || e.isSymbolicLink()) && hasManifest(p)) dirs.push(p);
  }
  return dirs;
}

function hasManifest(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'package.json'));
}

function nameAt(where: string): string {
  const i = where.lastIndexOf('node_modules/');
  return i < 0 ? where : where.slice(i + 'node_modules/'.length);
}

function enginesNode(pkg: unknown): string | undefined {
  if (!isRecord(pkg) || !isRecord(pkg.engines)) return undefined;
  return typeof pkg.engines.node === 'string' ? pkg.engines.node : undefined;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
