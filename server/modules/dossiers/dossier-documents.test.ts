import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderOutlineDocx } from '../documents/index';
import {
  buildListOutline,
  buildReportOutline,
  nomineeCount,
  type Nominee,
  type RequestFacts,
} from './dossier-documents';

/** The dossier outlines (pure) and their .docx: a collective's report, the landscape list. */

const issuer = {
  issuingBody: 'ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
  parentBody: null,
  name: 'Ủy ban nhân dân xã Lương Điền',
  place: 'Lương Điền',
  symbol: 'UBND',
};

const texts = (o: ReturnType<typeof buildReportOutline>) =>
  o.blocks.map((b) => (b.type === 'table' ? b.rows.flat().join(' | ') : b.text));

describe('a collective’s report of achievements', () => {
  it('describes the unit, its achievements and the awards it has received', () => {
    const o = buildReportOutline({
      variant: 'collective',
      subject: { kind: 'unit', name: 'Bộ phận một cửa', parentName: 'Xã Lương Điền' },
      formName: 'Tập thể lao động xuất sắc',
      planTitle: 'Thi đua CCHC năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      issuer,
      date: '2025-12-01',
      parts: { situation: 'Bộ phận có 05 công chức.', achievements: '', measures: 'Số hóa hồ sơ.' },
      history: [],
    });
    expect(o.header).toMatchObject({
      issuingBody: 'ỦY BAN NHÂN DÂN XÃ LƯƠNG ĐIỀN',
      placeDate: 'Lương Điền, ngày 01 tháng 12 năm 2025',
    });
    expect(o.title).toBe('ĐỀ NGHỊ TẶNG TẬP THỂ LAO ĐỘNG XUẤT SẮC');
    const t = texts(o);
    expect(t).toContain('I. ĐẶC ĐIỂM, TÌNH HÌNH');
    expect(t).toContain('- Tên tập thể: Bộ phận một cửa (Xã Lương Điền)');
    expect(t).toContain('Bộ phận có 05 công chức.');
    // An empty part prints a line to fill in by hand.
    expect(t[t.indexOf('1. Thành tích đạt được') + 1]).toMatch(/^…+$/u);
    expect(t).toContain('III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT');
    expect(t).toContain(' | Chưa có | ');
    expect(o.signer).toMatchObject({ title: 'THỦ TRƯỞNG ĐƠN VỊ' });
  });
});

describe('the list of nominees', () => {
  const nominee = (over: Partial<Nominee>): Nominee => ({
    kind: 'person',
    name: 'Lê Thị Mai',
    detail: 'Công chức một cửa',
    formName: 'Lao động tiên tiến',
    achievement: 'Hoàn thành xuất sắc nhiệm vụ.',
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
    ...over,
  });
  const facts: RequestFacts = {
    issuer,
    date: '2025-12-01',
    planTitle: 'Thi đua CCHC năm 2025',
    roundText: 'Sơ kết thi đua CCHC năm 2025',
    nominees: [
      nominee({}),
      nominee({ kind: 'unit', name: 'Bộ phận một cửa', detail: null }),
      nominee({ name: 'An Văn Bình', formName: 'Giấy khen của Chủ tịch UBND xã' }),
    ],
    parts: { signerTitle: 'Chủ tịch', signerName: 'Nguyễn Văn Bình' },
    signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
  };

  it('groups by form, collectives first, numbered across groups', () => {
    expect(nomineeCount(facts.nominees)).toBe('01 tập thể và 02 cá nhân');
    const o = buildListOutline(facts);
    expect(o.landscape).toBe(true);
    const table = o.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.slice(0, 2))).toEqual([
      ['I', 'Giấy khen của Chủ tịch UBND xã (01 cá nhân)'],
      ['1', 'An Văn Bình'],
      ['II', 'Lao động tiên tiến (01 tập thể và 01 cá nhân)'],
      ['2', 'Bộ phận một cửa'],
      ['3', 'Lê Thị Mai'],
    ]);
  });

  it('renders on a landscape page with its table', async () => {
    const buf = await renderOutlineDocx(buildListOutline(facts), new Date('2025-12-01T00:00:00Z'));
    const xml =
      (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/w:orient="landscape"/u);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Kèm theo Tờ trình số');
    expect(xml).toContain('An Văn Bình');
  });
});
