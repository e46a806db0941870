import { Tag } from 'antd';
import type { CriteriaStatus } from './criteria.api';

/** Shown wherever the shipped template appears, so nobody mistakes it for a legal text. */
export const EXAMPLE_NOTICE = 'Bộ tiêu chí mẫu (minh họa) — tỉnh thay thế bằng quyết định của mình';

export const criteriaStatusLabels: Record<CriteriaStatus, string> = {
  draft: 'Bản nháp',
  published: 'Đã ban hành',
};

export function CriteriaStatusTag({ status }: { status: CriteriaStatus }) {
  return (
    <Tag color={status === 'published' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {criteriaStatusLabels[status]}
    </Tag>
  );
}
