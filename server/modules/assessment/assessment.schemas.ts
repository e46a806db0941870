import { z } from 'zod';
import { optionalText, text } from '../../platform/validation';
import { LeafInput } from '../criteria/index';

/** Bodies of the self-assessment use cases, with the labels users see on the form. */

const version = z.number().int().min(0).max(2_147_483_647);

export const SaveSelfEntry = z.object({
  /** The figures of the leaf's method; an empty object saves only the explanation. */
  input: LeafInput.default({}),
  /** Explanation (giải trình), required at submission for an evidence-less leaf that asks for it. */
  note: optionalText(4000),
  /** The entry's version the user edited; omitted or 0 when the leaf had no entry yet. */
  version: version.optional(),
});

export const SubmitSheet = z.object({ version });
export const ReturnSheet = z.object({ version, reason: text(2000) });

export const assessmentLabels: Record<string, string> = {
  input: 'Số liệu',
  'input.met': 'Đạt / không đạt',
  'input.percent': 'Tỷ lệ %',
  'input.incidents': 'Số lần vi phạm',
  'input.points': 'Số điểm',
  'input.surveyScore': 'Điểm khảo sát',
  note: 'Giải trình',
  version: 'Phiên bản',
  reason: 'Lý do trả lại',
  nodeId: 'Tiêu chí',
};
