import { describe, expect, it } from 'vitest';
import { dossierDocumentOfItem } from './dossiers.rules';

describe('dossierDocumentOfItem (which generated document a checklist item names)', () => {
  it.each([
    ['Trình cấp thành phố: Tờ trình đề nghị khen thưởng', 'request'],
    ['To trinh de nghi (OCR)', 'request'],
    ['Tờ trình kèm danh sách', 'request'],
    ['Trình cấp xã: Báo cáo thành tích', 'report'],
    ['Báo cáo tóm tắt thành tích của cá nhân', 'report'],
    ['Trinh cdp xa: B4o c4o thanh tich cia tap the, ca nhan (OCR)', 'report'],
    ['Danh sách trích ngang', 'list'],
    ['Trình cấp xã: Biên bản họp xét', null],
    ['Báo cáo tài chính', null],
    ['Giấy chứng nhận sáng kiến', null],
  ])('%s → %s', (item, doc) => {
    expect(dossierDocumentOfItem(item)).toBe(doc);
  });
});
