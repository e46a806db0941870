import { z } from 'zod';
import { optionalText, text } from '../../platform/validation';
import { LeafInput } from '../criteria/index';

/** Bodies of the appraisal use cases, with the labels users see on the form. */

const version = z.number().int().min(0).max(2_147_483_647);
const nodeId = z.string().trim().min(1).max(40);

export const SaveAppraisalEntry = z.object({
  round: z.literal([1, 2]),
  /** The figures of the leaf's method, as the appraiser finds them. */
  input: LeafInput,
  /** The appraiser's comment; required when the points differ from the self-score. */
  note: optionalText(4000),
  /** The entry's version the appraiser edited; omitted or 0 when the leaf had no entry yet. */
  version: version.optional(),
});

export const RequestExplanation = z.object({
  version,
  reason: text(2000),
  /** The leaves asked about; omitted = those whose round-1 points differ from the self-score. */
  nodeIds: z.array(nodeId).max(500).optional(),
});

export const AnswerExplanation = z.object({
  note: text(4000),
  version: version.optional(),
});

export const SheetVersion = z.object({ version });

export const appraisalLabels: Record<string, string> = {
  round: 'Lần thẩm định',
  input: 'Số liệu thẩm định',
  'input.met': 'Đạt / không đạt',
  'input.percent': 'Tỷ lệ %',
  'input.incidents': 'Số lần vi phạm',
  'input.points': 'Số điểm',
  'input.surveyScore': 'Điểm khảo sát',
  note: 'Nhận xét',
  version: 'Phiên bản',
  reason: 'Nội dung đề nghị giải trình',
  nodeIds: 'Tiêu chí cần giải trình',
};
