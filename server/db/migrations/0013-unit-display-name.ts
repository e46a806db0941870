import { sql, type Kysely } from 'kysely';

/**
 * `org_unit.display_name`: the name lists and exports show. It is the unit's own name when no
 * other unit of its tree bears the same name (case-insensitive), else the name followed by as
 * many of its nearest ancestors' names as tell it apart ("Bộ phận một cửa – Xã Lương Điền").
 * The organization module keeps it current (create, rename, move, import); this backfills it with
 * the same rule (a frozen copy of `refreshDisplayNames` in units.queries.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_unit ADD COLUMN display_name text`.execute(db);
  await sql`
    WITH t AS (
      SELECT u.id, u.name, u.path, nlevel(u.path) AS depth, subpath(u.path, 0, 1) AS root,
        lower(u.name) AS lname, count(*) OVER (PARTITION BY subpath(u.path, 0, 1), lower(u.name)) AS same
      FROM org_unit u
    ), amb AS (
      SELECT t.id, t.name, t.root, t.lname, t.depth,
        ARRAY(SELECT a.name FROM org_unit a
          WHERE a.id = ANY(string_to_array(t.path::text, '.')::int[]) AND a.id <> t.id
          ORDER BY nlevel(a.path) DESC) AS anc
      FROM t WHERE t.same > 1
    ), keys AS (
      SELECT amb.id, k, count(*) OVER (PARTITION BY amb.root, amb.lname, k,
        lower(array_to_string(amb.anc[1:k], chr(31)))) AS n
      FROM amb CROSS JOIN generate_series(1, (SELECT COALESCE(max(depth), 1) FROM amb)) AS k
    ), best AS (
      SELECT id, min(k) AS k FROM keys WHERE n = 1 GROUP BY id
    ), computed AS (
      SELECT t.id, CASE WHEN amb.id IS NULL THEN t.name
        ELSE array_to_string(ARRAY[amb.name] || amb.anc[1:COALESCE(best.k, amb.depth)], ' – ') END AS dn
      FROM t LEFT JOIN amb ON amb.id = t.id LEFT JOIN best ON best.id = t.id
    )
    UPDATE org_unit o SET display_name = c.dn FROM computed c WHERE o.id = c.id`.execute(db);
  await sql`ALTER TABLE org_unit ALTER COLUMN display_name SET NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_unit DROP COLUMN IF EXISTS display_name`.execute(db);
}
