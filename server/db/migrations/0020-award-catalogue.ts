import { sql, type Kysely } from 'kysely';

/**
 * The award catalogue as dated data (decision 035, issue 12 item 1).
 *
 * - `award_form`: the identity of a title (danh hiệu) or form (hình thức) for one subject — its
 *   code and whose catalogue it is (national, a province's own, a plan's own).
 * - `award_form_version`: what the form is from a date: name, kind, subject, the Decree 152
 *   coefficient of the base salary or a fixed amount, who may decide it (the authority matrix),
 *   the legal basis, valid_from and an optional valid_to (last day in force, inclusive). A version
 *   is in force from its valid_from until its valid_to or the next version's valid_from.
 * - `base_salary`: mức lương cơ sở from a date, with its legal basis.
 * - `award_rounding`: how an amount is rounded, from a date.
 *
 * Rows of the three dated tables are immutable (a trigger refuses UPDATE and DELETE): a change is
 * a new version, so an amount computed for a decision can always be recomputed and explained.
 *
 * Seed: base salary 2.340.000đ from 1/7/2024 (Decree 73/2024); rounding up to 10.000đ from
 * 1/1/2024 (Decree 98/2023); the national catalogue from 1/7/2025 (Decree 152/2025 Art. 50 and 54
 * coefficients; household = 1.5 × the individual's; deciders after Decree 129/2025 Art. 59). The
 * values are written out here, not imported, so this migration never changes with live code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION f_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'rows of % are never changed: add a new version', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
    END $$;

    CREATE TABLE award_form (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
      scope text NOT NULL CHECK (scope IN ('national','province','plan')),
      province_unit_id integer REFERENCES org_unit(id),
      plan_id integer REFERENCES campaign_plan(id),
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT award_form_owner CHECK (
        (scope = 'national' AND province_unit_id IS NULL AND plan_id IS NULL)
        OR (scope = 'province' AND province_unit_id IS NOT NULL AND plan_id IS NULL)
        OR (scope = 'plan' AND plan_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX award_form_code
      ON award_form (scope, coalesce(province_unit_id, 0), coalesce(plan_id, 0), code);

    CREATE TABLE award_form_version (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      form_id integer NOT NULL REFERENCES award_form(id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      kind text NOT NULL CHECK (kind IN ('title','form')),
      subject text NOT NULL CHECK (subject IN ('individual','collective','household')),
      coefficient numeric(7,3) CHECK (coefficient >= 0),
      fixed_amount bigint CHECK (fixed_amount >= 0),
      deciders text[] NOT NULL CHECK (
        cardinality(deciders) > 0
        AND deciders <@ ARRAY['commune_chair','district_chair','department_head',
          'provincial_chair','provincial_committee','minister','prime_minister']),
      legal_basis text,
      valid_from date NOT NULL,
      valid_to date,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT award_form_version_amount CHECK (coefficient IS NULL OR fixed_amount IS NULL),
      CONSTRAINT award_form_version_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
      CONSTRAINT award_form_version_start UNIQUE (form_id, valid_from)
    );
    CREATE TRIGGER award_form_version_immutable BEFORE UPDATE OR DELETE ON award_form_version
      FOR EACH ROW EXECUTE FUNCTION f_refuse_change();

    CREATE TABLE base_salary (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      amount bigint NOT NULL CHECK (amount > 0),
      effective_from date NOT NULL UNIQUE,
      legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0),
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER base_salary_immutable BEFORE UPDATE OR DELETE ON base_salary
      FOR EACH ROW EXECUTE FUNCTION f_refuse_change();

    CREATE TABLE award_rounding (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      effective_from date NOT NULL UNIQUE,
      mode text NOT NULL CHECK (mode IN ('up','nearest','none')),
      step integer NOT NULL CHECK (step > 0),
      legal_basis text,
      created_by integer REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER award_rounding_immutable BEFORE UPDATE OR DELETE ON award_rounding
      FOR EACH ROW EXECUTE FUNCTION f_refuse_change();

    INSERT INTO base_salary (amount, effective_from, legal_basis) VALUES
      (2340000, '2024-07-01', 'Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ');
    INSERT INTO award_rounding (effective_from, mode, step, legal_basis) VALUES
      ('2024-01-01', 'up', 10000,
       'Nghị định số 98/2023/NĐ-CP: tiền thưởng được làm tròn lên hàng chục nghìn đồng');
  `.execute(db);

  const basis152 = 'Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ';
  // code, name, kind, subject, coefficient, deciders, article
  const rows: [string, string, string, string, number, string[], string][] = [
    [
      'CSTD_TQ',
      'Chiến sĩ thi đua toàn quốc',
      'title',
      'individual',
      4.5,
      ['prime_minister'],
      'Điều 50 khoản 1 điểm a',
    ],
    [
      'CSTD_TINH',
      'Chiến sĩ thi đua cấp bộ, ngành, tỉnh',
      'title',
      'individual',
      3,
      ['provincial_committee', 'minister'],
      'Điều 50 khoản 1 điểm b',
    ],
    [
      'CSTDCS',
      'Chiến sĩ thi đua cơ sở',
      'title',
      'individual',
      1,
      ['commune_chair', 'department_head'],
      'Điều 50 khoản 1 điểm c',
    ],
    [
      'LDTT',
      'Lao động tiên tiến',
      'title',
      'individual',
      0.3,
      ['commune_chair', 'department_head'],
      'Điều 50 khoản 1 điểm d',
    ],
    [
      'TTLDXS',
      'Tập thể lao động xuất sắc',
      'title',
      'collective',
      1.5,
      ['provincial_chair', 'minister'],
      'Điều 50 khoản 2 điểm a',
    ],
    [
      'TTLDTT',
      'Tập thể lao động tiên tiến',
      'title',
      'collective',
      0.8,
      ['commune_chair', 'department_head'],
      'Điều 50 khoản 2 điểm b',
    ],
    [
      'XA_TIEU_BIEU',
      'Xã, phường, đặc khu tiêu biểu',
      'title',
      'collective',
      2,
      ['provincial_chair'],
      'Điều 50 khoản 2 điểm c',
    ],
    [
      'THON_VH',
      'Thôn, tổ dân phố văn hóa',
      'title',
      'collective',
      1.5,
      ['commune_chair'],
      'Điều 50 khoản 2 điểm d',
    ],
    [
      'CO_TD_CP',
      'Cờ thi đua của Chính phủ',
      'title',
      'collective',
      12,
      ['prime_minister'],
      'Điều 50 khoản 2 điểm đ',
    ],
    [
      'CO_TD_TINH',
      'Cờ thi đua cấp bộ, ngành, tỉnh',
      'title',
      'collective',
      8,
      ['provincial_committee', 'minister'],
      'Điều 50 khoản 2 điểm e',
    ],
    [
      'BK_TTG_CN',
      'Bằng khen của Thủ tướng Chính phủ',
      'form',
      'individual',
      3.5,
      ['prime_minister'],
      'Điều 54',
    ],
    [
      'BK_TTG_TT',
      'Bằng khen của Thủ tướng Chính phủ',
      'form',
      'collective',
      7,
      ['prime_minister'],
      'Điều 54',
    ],
    [
      'BK_TTG_HGD',
      'Bằng khen của Thủ tướng Chính phủ',
      'form',
      'household',
      5.25,
      ['prime_minister'],
      'Điều 54',
    ],
    [
      'BK_TINH_CN',
      'Bằng khen của Chủ tịch UBND tỉnh',
      'form',
      'individual',
      1.5,
      ['provincial_chair', 'minister'],
      'Điều 54',
    ],
    [
      'BK_TINH_TT',
      'Bằng khen của Chủ tịch UBND tỉnh',
      'form',
      'collective',
      3,
      ['provincial_chair', 'minister'],
      'Điều 54',
    ],
    [
      'BK_TINH_HGD',
      'Bằng khen của Chủ tịch UBND tỉnh',
      'form',
      'household',
      2.25,
      ['provincial_chair', 'minister'],
      'Điều 54',
    ],
    [
      'GK_CN',
      'Giấy khen',
      'form',
      'individual',
      0.3,
      ['commune_chair', 'department_head'],
      'Điều 54 khoản 1 điểm e',
    ],
    [
      'GK_TT',
      'Giấy khen',
      'form',
      'collective',
      0.6,
      ['commune_chair', 'department_head'],
      'Điều 54 khoản 1 điểm e',
    ],
    [
      'GK_HGD',
      'Giấy khen',
      'form',
      'household',
      0.45,
      ['commune_chair', 'department_head'],
      'Điều 54 khoản 1 điểm e',
    ],
  ];
  for (const [code, name, kind, subject, coefficient, who, article] of rows) {
    await sql`
      WITH f AS (INSERT INTO award_form (code, scope) VALUES (${code}, 'national') RETURNING id)
      INSERT INTO award_form_version
        (form_id, name, kind, subject, coefficient, deciders, legal_basis, valid_from)
      SELECT f.id, ${name}, ${kind}, ${subject}, ${coefficient}, ${who}::text[],
        ${`${article} ${basis152}; thẩm quyền theo Nghị định số 129/2025/NĐ-CP, Điều 59`},
        '2025-07-01'
      FROM f
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE award_rounding;
    DROP TABLE base_salary;
    DROP TABLE award_form_version;
    DROP TABLE award_form;
    DROP FUNCTION f_refuse_change();
  `.execute(db);
}
