/** The request schemas live in the contract (decision 027); the labels are the server's. */
export {
  AnswerExplanation,
  RequestExplanation,
  SaveAppraisalEntry,
  SheetVersion,
} from '../../../shared/api/appraisal';

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
