import { sql } from 'kysely';
import type { Db } from '../server/platform/db';
import { foldVietnamese } from '../server/platform/text';
import { rng } from '../server/demo/names';
import type { LoadRequest } from './load';

/** The request mixes the HTTP benchmarks send: search terms as people type them, and tree browsing. */

export function shuffled<T>(list: T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * Search terms as people type them (no accents), drawn from the generated names: the full name,
 * family + middle name ("tran thi"), middle + given name ("minh tuan"), and the given name alone
 * (3 letters or more: shorter terms cannot use a trigram index).
 */
export async function searchTerms(db: Db): Promise<{ term: string; kind: string }[]> {
  const rows = await sql<{
    fullName: string;
  }>`SELECT full_name FROM person WHERE id % 1499 = 7 ORDER BY id LIMIT 150`.execute(db);
  const terms = new Map<string, string>();
  const add = (term: string, kind: string) => {
    if (!terms.has(term)) terms.set(term, kind);
  };
  for (const { fullName } of rows.rows) {
    const words = foldVietnamese(fullName).split(' ');
    const given = words[words.length - 1] ?? '';
    add(words.join(' '), 'full-name');
    add(words.slice(0, 2).join(' '), 'family+middle');
    add(words.slice(-2).join(' '), 'middle+given');
    if (given.length >= 3) add(given, 'given-name');
  }
  return [...terms].map(([term, kind]) => ({ term, kind }));
}

export function peopleSearchRequests(
  terms: { term: string; kind: string }[],
  adminCookie: string,
): LoadRequest[] {
  return shuffled(
    terms.map((t) => ({
      path: `/api/people?search=${encodeURIComponent(t.term)}&page=1&pageSize=20`,
      cookie: adminCookie,
      kind: t.kind,
    })),
    11,
  );
}

/**
 * "Subtree listing" = browsing the organisation tree: one page of a province's direct subunits
 * (with their child/people counts and ancestor names) and the first page of the staff anywhere in a
 * commune's subtree. Half as the province's emulation officer (scope-filtered), half as the admin.
 */
export async function subtreeRequests(
  db: Db,
  officerProvinceId: number,
  cookies: { admin: string; officer: string },
): Promise<LoadRequest[]> {
  const provinces = await sql<{ id: number; children: number }>`
    SELECT p.id, (SELECT count(*) FROM org_unit c WHERE c.parent_id = p.id)::int AS children
    FROM org_unit p WHERE p.parent_id IS NULL ORDER BY p.id`.execute(db);
  const communes = await sql<{ id: number; provinceId: number }>`
    SELECT id, province_id FROM org_unit WHERE kind IN ('commune', 'ward', 'special_zone') ORDER BY id`.execute(
    db,
  );
  const r = rng(5);
  const pageOf = (children: number) => 1 + Math.floor(r() * Math.max(1, Math.ceil(children / 20)));
  const officerProvince = provinces.rows.find((p) => p.id === officerProvinceId);
  const officerCommunes = communes.rows.filter((c) => c.provinceId === officerProvinceId);
  if (officerProvince === undefined || officerCommunes.length === 0)
    throw new Error('officer province not found');
  const out: LoadRequest[] = [];
  for (let i = 0; i < 100; i++) {
    const anyProvince = provinces.rows[Math.floor(r() * provinces.rows.length)] ?? officerProvince;
    const anyCommune = communes.rows[Math.floor(r() * communes.rows.length)] ?? officerCommunes[0];
    const ownCommune =
      officerCommunes[Math.floor(r() * officerCommunes.length)] ?? officerCommunes[0];
    out.push(
      {
        path: `/api/units?parentId=${officerProvince.id}&page=${pageOf(officerProvince.children)}`,
        cookie: cookies.officer,
        kind: 'province-units:officer',
      },
      {
        path: `/api/people?unitId=${ownCommune?.id ?? 0}&page=1`,
        cookie: cookies.officer,
        kind: 'commune-people:officer',
      },
      {
        path: `/api/units?parentId=${anyProvince.id}&page=${pageOf(anyProvince.children)}`,
        cookie: cookies.admin,
        kind: 'province-units:admin',
      },
      {
        path: `/api/people?unitId=${anyCommune?.id ?? 0}&page=1`,
        cookie: cookies.admin,
        kind: 'commune-people:admin',
      },
    );
  }
  return shuffled(out, 13);
}
