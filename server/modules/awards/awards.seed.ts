import type { Ctx } from '../../platform/context';
import { recordAudit } from '../../platform/audit';
import * as q from './awards.queries';
import {
  NATIONAL_FROM,
  firstBaseSalary,
  firstRounding,
  nationalCatalogue,
} from './national-catalogue';

/**
 * Installs what every installation starts with (decision 035), at every start and idempotently:
 * the national forms whose codes are missing (each with its version from 1/7/2025), the first
 * base salary when none is recorded, and the first rounding rule when none is. It only adds rows
 * (the catalogue's rows are never changed), so versions and values an administrator added stay
 * as they are. Audited once as `award_catalogue.installed` when it adds anything. Not a migration:
 * a restore needs a freshly migrated database to be empty (decision 029).
 */
export async function ensureNationalCatalogue(
  ctx: Ctx,
): Promise<{ forms: number; baseSalary: boolean; rounding: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    await q.lockCatalogueInstall(trx);
    const have = new Set(await q.listNationalCodes(trx));
    const missing = nationalCatalogue.filter((r) => !have.has(r.code));
    const at = ctx.now();
    for (const r of missing) {
      const formId = await q.insertForm(trx, {
        code: r.code,
        scope: 'national',
        provinceUnitId: null,
        createdBy: null,
        createdAt: at,
      });
      await q.insertVersion(trx, {
        formId,
        name: r.name,
        kind: r.kind,
        subject: r.subject,
        coefficient: r.coefficient,
        fixedAmount: null,
        deciders: r.deciders,
        legalBasis: r.legalBasis,
        validFrom: NATIONAL_FROM,
        validTo: null,
        createdBy: null,
        createdAt: at,
      });
    }
    const baseSalary = (await q.listBaseSalaries(trx)).length === 0;
    if (baseSalary)
      await q.insertBaseSalary(trx, { ...firstBaseSalary, createdBy: null, createdAt: at });
    const rounding = (await q.listRoundings(trx)).length === 0;
    if (rounding) await q.insertRounding(trx, { ...firstRounding, createdBy: null, createdAt: at });
    if (missing.length > 0 || baseSalary || rounding)
      await recordAudit(trx, ctx, {
        action: 'award_catalogue.installed',
        entityType: 'award_form',
        entityId: 'national',
        unitPath: null,
        after: {
          forms: missing.map((r) => r.code),
          baseSalary: baseSalary ? firstBaseSalary : null,
          rounding: rounding ? firstRounding : null,
        },
      });
    return { forms: missing.length, baseSalary, rounding };
  });
}
