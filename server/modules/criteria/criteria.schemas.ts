import {
  Band,
  CriteriaTree,
  QualifyingBandKeys,
  TieBreak,
  type CriteriaTree as Tree,
} from '../../../shared/criteria';
import { id, isoDate, page, pageSize, text, optionalText, z } from '../../platform/validation';

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

export const CreateCriteriaSet = z
  .object({
    ownerUnitId: id,
    name: text(300),
    description: optionalText(2000),
    tree: CriteriaTree.optional(),
    basedOnVersionId: id.optional(),
  })
  .refine((v) => v.tree !== undefined || v.basedOnVersionId !== undefined, {
    message: 'cần cây tiêu chí hoặc một phiên bản làm gốc',
    path: ['tree'],
  });

export const UpdateCriteriaDraft = z.object({
  version: z.number().int().positive(),
  tree: CriteriaTree,
});

export const PublishCriteriaVersion = z.object({ version: z.number().int().positive() });
export const NewCriteriaVersion = z.object({ basedOnVersionId: id });

export const ListCriteriaQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});

export const BindCriteria = z.object({
  version: z.number().int().positive(),
  criteriaVersionId: id.nullable(),
  bands: z.array(Band).min(2).max(10).nullable().default(null),
  /** The last day (Vietnam time, inclusive) units may submit their self-assessment. */
  assessmentDeadline: isoDate.nullish().transform((v) => v ?? null),
  /** Tie-break steps after the percentage, in order; null or omitted = the default order. */
  tieBreak: TieBreak.nullish().transform((v) => v ?? null),
  /** Band keys that qualify for commendation; null or omitted = the top band. */
  qualifyingBandKeys: QualifyingBandKeys.nullish().transform((v) => v ?? null),
});

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
