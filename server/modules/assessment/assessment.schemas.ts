/** The request schemas live in the contract (decision 027); the labels are the server's. */
export { ReturnSheet, SaveSelfEntry, SubmitSheet } from '../../../shared/api/assessment';

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
