import type { PlanImportJson } from './schema';

/** A readable Vietnamese summary of a reading, for the CLI (`import-plan` without `--json`). */

function day(iso: string | null): string {
  if (!iso) return '…';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function list(label: string, items: readonly string[]): string[] {
  if (items.length === 0) return [`${label}: (không thấy)`];
  return [`${label}:`, ...items.map((s) => `  - ${s}`)];
}

const scopeLabel = { collective: 'tập thể', individual: 'cá nhân' } as const;

export function formatPlanSummary(p: PlanImportJson): string {
  const kind = p.kind === 'contest' ? 'Cuộc thi' : 'Phong trào thi đua';
  const number =
    p.documentNumber ?? (p.documentSymbol ? `…/${p.documentSymbol}` : '(không thấy số)');
  const issued = p.issuedOn
    ? day(p.issuedOn)
    : p.issuedYear
      ? `năm ${p.issuedYear}`
      : '(không thấy ngày)';
  const lines = [
    `${kind}: ${p.title ?? '(không thấy trích yếu)'}`,
    `Văn bản số ${number}, ${issued}${p.place ? `, tại ${p.place}` : ''}`,
    `Cơ quan ban hành: ${p.issuer ?? '(không thấy)'}`,
    ...list(
      'Căn cứ',
      p.legalBases.map(
        (b) => `${b.number ?? '(không số)'}${b.date ? ` ngày ${day(b.date)}` : ''}: ${b.text}`,
      ),
    ),
    `Thời gian: ${p.periodStart || p.periodEnd ? `${day(p.periodStart)} – ${day(p.periodEnd)}` : '(không thấy)'}`,
    `Hạn đăng ký: ${p.registrationDeadline ? day(p.registrationDeadline) : '(không thấy)'}`,
    ...list(
      'Các mốc thời hạn',
      p.deadlines.map((d) => `${day(d.date)}: ${d.text}`),
    ),
    ...list('Đối tượng (tập thể)', p.participants.collectives),
    ...list('Đối tượng (cá nhân)', p.participants.individuals),
    ...(p.participants.excluded.length ? list('Không áp dụng', p.participants.excluded) : []),
    ...list('Nội dung', p.contents),
    ...list('Tiêu chuẩn tập thể', p.criteria.collective),
    ...list('Tiêu chuẩn cá nhân', p.criteria.individual),
    ...list(
      'Hình thức khen thưởng',
      p.rewards.map(
        (r) =>
          `${r.form}${r.issuerTitle ? ` của ${r.issuerTitle}` : ''}${r.amountVnd ? `, ${r.amountVnd.toLocaleString('vi-VN')} đồng` : ''}`,
      ),
    ),
    ...list(
      'Số lượng tối đa',
      p.quotas.map(
        (q) =>
          `${q.level ? `${q.level}, ` : ''}${scopeLabel[q.scope]}: ${q.maxCount ?? `${q.maxPercent ?? '?'}%`}`,
      ),
    ),
    ...list('Hồ sơ', p.dossier),
    ...(p.kind === 'contest'
      ? [
          ...list(
            'Giải thưởng',
            p.prizes.map(
              (z) =>
                `${z.count ?? '?'} giải ${z.rank}${z.recipient ? ` (${scopeLabel[z.recipient]})` : ''}`,
            ),
          ),
          ...list(
            'Số bài dự thi tối thiểu',
            p.entryQuotas.map((e) => `mỗi ${e.unitType}: ${e.minEntries}`),
          ),
        ]
      : []),
    `Người ký: ${p.signer ? [p.signer.title, p.signer.name].filter(Boolean).join(' ') : '(không thấy)'}`,
    ...list('Nơi nhận', p.recipients),
  ];
  return lines.join('\n');
}
