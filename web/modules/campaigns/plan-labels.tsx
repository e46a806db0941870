import { Tag } from 'antd';
import { planStatusLabels } from '../../../shared/campaign';
import type { PlanStatus } from '../../../shared/campaign';
import type { CascadeState } from './plans.api';

export const planStatusColors: Record<PlanStatus, string> = {
  draft: 'gold',
  issued: 'blue',
  in_progress: 'green',
  in_review: 'purple',
  closed: 'default',
  cancelled: 'red',
};

export const cascadeStateLabels: Record<CascadeState, string> = {
  issued: 'Đã ban hành',
  late: 'Trễ hạn',
  draft: 'Đang dự thảo',
  missing: 'Chưa có',
};

export const cascadeStateColors: Record<CascadeState, string> = {
  issued: 'green',
  late: 'red',
  draft: 'gold',
  missing: 'default',
};

/** The hex colours behind the tag presets, for statistics and the progress bar. */
export const cascadeStateHex: Record<CascadeState, string> = {
  issued: '#389e0d',
  late: '#cf1322',
  draft: '#d48806',
  missing: '#8c8c8c',
};

/** "Kế hoạch số 47/KH-UBND ngày 18/02/2022 của UBND Huyện Châu Thành về việc …" (as the server cites). */
export function citePlan(p: {
  documentNumber: string | null;
  documentSymbol: string;
  issuedOn: string | null;
  title: string;
  issuingUnit: { name: string };
}): string {
  const docType = p.documentSymbol.split('-')[0];
  const typeName = docType === 'HD' ? 'Hướng dẫn' : docType === 'CTr' ? 'Chương trình' : 'Kế hoạch';
  const date = p.issuedOn ? ` ngày ${p.issuedOn.split('-').reverse().join('/')}` : '';
  const title = p.title.charAt(0).toLocaleLowerCase('vi') + p.title.slice(1);
  return `${typeName} số ${p.documentNumber ?? ''}${date} của UBND ${p.issuingUnit.name} về việc ${title}`;
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return <Tag color={planStatusColors[status]}>{planStatusLabels[status]}</Tag>;
}
