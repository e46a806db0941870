import { planDocTypeLabels, type PlanDocType } from '../../../shared/campaign';
import { governmentKinds, type UnitKind } from '../../../shared/org';
import { fileName } from '../../platform/file-name';

/**
 * How downloads about a plan are named: by number, year and issuing unit, with accents
 * ("Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền.docx"), so files from four communes' plans
 * numbered 01/KH-UBND no longer share one name. Sanitising and the length cap live in
 * platform/file-name.
 */

export type PlanFileFields = {
  docType: PlanDocType;
  documentNumber: string | null;
  numberYear: number | null;
  issuedOn: string | null;
  unitKind: UnitKind;
  unitName: string;
  parentUnitName: string | null;
};

const adminPrefix = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Thị trấn|Xã|Phường|Đặc khu)(?=\s)/u;

/**
 * The issuer as named in a file name: "UBND xã Lương Điền" for a People's Committee; another
 * unit by its name and its parent's ("Văn phòng HĐND và UBND, Xã Lương Điền"), since many units
 * share a name.
 */
export function issuerShortName(
  p: Pick<PlanFileFields, 'unitKind' | 'unitName' | 'parentUnitName'>,
): string {
  if (governmentKinds.includes(p.unitKind))
    return `UBND ${p.unitName.replace(adminPrefix, (w) => w.toLocaleLowerCase('vi'))}`;
  return p.parentUnitName === null ? p.unitName : `${p.unitName}, ${p.parentUnitName}`;
}

/** "01/KH-UBND 2026" (the number's year), or "dự thảo" for a plan without a number yet. */
export function planReference(
  p: Pick<PlanFileFields, 'documentNumber' | 'numberYear' | 'issuedOn'>,
): string {
  if (p.documentNumber === null) return 'dự thảo';
  const year = p.numberYear ?? (p.issuedOn === null ? null : Number(p.issuedOn.slice(0, 4)));
  return year === null ? p.documentNumber : `${p.documentNumber} ${year}`;
}

/**
 * The name of a file about a plan: `what` (e.g. "Đăng ký thi đua"), the plan's reference and its
 * issuer: "Đăng ký thi đua - 01-KH-UBND 2026 - UBND xã Lương Điền.xlsx".
 */
export function planFileName(what: string | null, p: PlanFileFields, ext: string, suffix?: string) {
  return fileName([what, planReference(p), issuerShortName(p)], ext, suffix);
}

/**
 * The plan's own document: "Kế hoạch 01-KH-UBND 2026 - UBND xã Lương Điền.docx", with
 * " (phiên bản 2)" from the second issued version on; a draft is "Kế hoạch dự thảo - …".
 */
export function planDocumentFileName(p: PlanFileFields, ext: string, version: number | null) {
  return fileName(
    [`${planDocTypeLabels[p.docType]} ${planReference(p)}`, issuerShortName(p)],
    ext,
    version !== null && version > 1 ? `(phiên bản ${version})` : undefined,
  );
}
