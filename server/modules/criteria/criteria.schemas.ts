import type { CriteriaTree as Tree } from '../../../shared/criteria';

/** The request schemas live in the contract (decision 027); the labels are the server's. */
export {
  BindCriteria,
  CreateCriteriaSet,
  ListCriteriaQuery,
  NewCriteriaVersion,
  PublishCriteriaVersion,
  UpdateCriteriaDraft,
} from '../../../shared/api/criteria';

export const criteriaLabels: Record<string, string> = {
  ownerUnitId: 'Đơn vị ban hành bộ tiêu chí',
  name: 'Tên bộ tiêu chí',
  description: 'Mô tả',
  tree: 'Cây tiêu chí',
  basedOnVersionId: 'Phiên bản làm gốc',
  version: 'Phiên bản dữ liệu',
  criteriaVersionId: 'Bộ tiêu chí áp dụng',
  assessmentDeadline: 'Hạn nộp tự đánh giá',
  bands: 'Mức xếp loại',
  'bands.*.minPercent': 'Mức xếp loại — tỷ lệ tối thiểu',
  'bands.*.label': 'Mức xếp loại — tên',
  tieBreak: 'Thứ tự xét khi bằng điểm',
  'tieBreak.*': 'Thứ tự xét khi bằng điểm',
  qualifyingBandKeys: 'Mức xếp loại được xét khen thưởng',
  'qualifyingBandKeys.*': 'Mức xếp loại được xét khen thưởng',
};

export type CriteriaVersionRecord = {
  id: number;
  setId: number;
  setName: string;
  description: string | null;
  isExample: boolean;
  ownerUnitId: number | null;
  ownerUnitName: string | null;
  ownerUnitPath: string | null;
  number: number;
  status: 'draft' | 'published';
  tree: Tree;
  leafCount: number;
  maxTotal: number;
  basedOnId: number | null;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
};

export function toCriteriaVersionResponse(v: CriteriaVersionRecord) {
  return {
    id: v.id,
    set: {
      id: v.setId,
      name: v.setName,
      description: v.description,
      isExample: v.isExample,
      ownerUnit: v.ownerUnitId === null ? null : { id: v.ownerUnitId, name: v.ownerUnitName },
    },
    number: v.number,
    status: v.status,
    tree: v.tree,
    leafCount: v.leafCount,
    maxTotal: v.maxTotal,
    basedOnId: v.basedOnId,
    version: v.version,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
  };
}
