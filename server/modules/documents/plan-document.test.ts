import { describe, expect, it } from 'vitest';
import { storedPlanContent } from '../../test/plans';
import { buildPlanOutline, isArchiveLine, type PlanOutline } from './plan-document';
import { seed000Draft, seed001Plan, seed004Contest } from './plan-document.fixtures';
import { headerLines, longDate, numberLine, shortDate } from './plan-format';

const headings = (o: PlanOutline) =>
  o.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
const texts = (o: PlanOutline) => o.blocks.map((b) => b.text);

describe('Decree 30 date and number formatting', () => {
  it.each([
    ['2023-03-06', 'ngày 06 tháng 3 năm 2023', '06/3/2023'],
    ['2022-02-18', 'ngày 18 tháng 02 năm 2022', '18/02/2022'],
    ['2026-01-05', 'ngày 05 tháng 01 năm 2026', '05/01/2026'],
    ['2020-07-31', 'ngày 31 tháng 7 năm 2020', '31/7/2020'],
    ['2025-12-31', 'ngày 31 tháng 12 năm 2025', '31/12/2025'],
  ])('%s → "%s" / "%s"', (iso, long, short) => {
    expect(longDate(iso)).toBe(long);
    expect(shortDate(iso)).toBe(short);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => longDate('18/02/2022')).toThrow(/Invalid ISO date/);
  });

  it.each([
    ['47/KH-UBND', 'Số: 47/KH-UBND'],
    ['5/KH-UBND', 'Số: 05/KH-UBND'],
    ['7', 'Số: 07/KH-UBND'],
    ['123/KH-UBND', 'Số: 123/KH-UBND'],
    [null, 'Số:      /KH-UBND'],
  ])('number %s → "%s"', (n, line) => {
    expect(numberLine(n, 'KH-UBND')).toBe(line);
  });

  it.each([
    ['ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH', ['ỦY BAN NHÂN DÂN', 'HUYỆN CHÂU THÀNH']],
    ['ỦY BAN NHÂN DÂN THỊ XÃ HỒNG LĨNH', ['ỦY BAN NHÂN DÂN', 'THỊ XÃ HỒNG LĨNH']],
    ['UBND HUYỆN CẨM GIÀNG', ['UBND HUYỆN CẨM GIÀNG']],
    ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG CƠ SỞ', ['HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG CƠ SỞ']],
    ['', []],
  ])('header line breaks of "%s"', (name, lines) => {
    expect(headerLines(name)).toEqual(lines);
  });
});

describe('buildPlanOutline — seed 001 (Châu Thành 47/KH-UBND)', () => {
  const outline = buildPlanOutline(seed001Plan());

  it('fills the header fields', () => {
    expect(outline.draftMark).toBeNull();
    expect(outline.header).toEqual({
      parentBody: null,
      issuingBody: 'ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH',
      number: 'Số: 47/KH-UBND',
      nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: 'Châu Thành, ngày 18 tháng 02 năm 2022',
    });
    expect(outline.docTypeHeading).toBe('KẾ HOẠCH');
    expect(outline.title).toMatch(/^Phát động phong trào thi đua thực hiện nhiệm vụ cải cách/);
  });

  it('cites each legal basis on its own line, ";" at the ends and "." on the last', () => {
    const bases = outline.blocks.filter((b) => b.type === 'legalBasis').map((b) => b.text);
    expect(bases).toHaveLength(3);
    expect(bases[0]).toMatch(/^Căn cứ Chỉ thị số 23\/CT-TTg ngày 02\/9\/2021 .*2021 - 2030;$/);
    expect(bases[1]).toMatch(/^Căn cứ Kế hoạch số 595\/KH-UBND .*năm 2025;$/);
    expect(bases[2]).toMatch(/^Căn cứ Quyết định số 1012\/QĐ-UBND .*2021 - 2025\.$/);
    expect(outline.blocks.slice(0, 4).map((b) => b.type)).toEqual([
      'legalBasis',
      'legalBasis',
      'legalBasis',
      'paragraph', // the preamble
    ]);
  });

  it('numbers the sections with Roman numerals in document order', () => {
    expect(headings(outline)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỦ ĐỀ VÀ MỤC TIÊU THI ĐUA',
      'III. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN THI ĐUA',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
  });

  it('writes parts, lists and numbered contents under the sections', () => {
    const t = texts(outline);
    const at = (s: string) => t.indexOf(s);
    expect(at('1. Mục đích')).toBe(at('I. MỤC ĐÍCH, YÊU CẦU') + 1);
    expect(at('2. Yêu cầu')).toBeGreaterThan(at('1. Mục đích'));
    expect(t[at('1. Mục đích') + 1]).toMatch(/^- Phát huy vai trò/);
    expect(t).toContain('1. Chủ đề thi đua');
    expect(t).toContain('2. Mục tiêu thi đua');
    expect(t).toContain('a) Tập thể:');
    expect(t).toContain('- Các phòng, ban, ngành cấp huyện và các đơn vị trực thuộc;');
    expect(t).toContain('b) Cá nhân: Cán bộ, công chức, viên chức thuộc các tập thể trên.');
    expect(t.filter((x) => /^2\.\d\. /u.test(x))).toHaveLength(3);
    expect(t).toContain('Từ ngày 18/02/2022 đến ngày 31/12/2025.');
    expect(t).toContain('Hình thức: thi đua theo chuyên đề.');
  });

  it('requires the listed units to issue their own plans căn cứ this one by the deadline', () => {
    const i = texts(outline).indexOf('IV. TỔ CHỨC THỰC HIỆN');
    const cascade = outline.blocks[i + 1]?.text ?? '';
    expect(cascade).toMatch(/^Căn cứ Kế hoạch này, Thủ trưởng các cơ quan, ban, ngành huyện và /);
    expect(cascade).toContain('Chủ tịch UBND các xã, thị trấn xây dựng, ban hành kế hoạch thi đua');
    expect(cascade).toMatch(/chậm nhất ngày 28\/02\/2022\.$/);
    expect(texts(outline)).toContain('1. Phòng Nội vụ phối hợp Văn phòng HĐND và UBND huyện');
    expect(texts(outline)).toContain('- Tổng kết phong trào thi đua: ngày 15/12/2025.');
  });

  it('ends with the closing paragraph, recipients and the signer', () => {
    expect(outline.blocks.at(-1)?.text).toMatch(/nghiêm túc triển khai, thực hiện\.\/\.$/);
    expect(outline.recipients.heading).toBe('Nơi nhận:');
    expect(outline.recipients.lines[0]).toBe('- Ban TĐKT Tỉnh;');
    expect(outline.recipients.lines.at(-1)).toBe('- Lưu: VT, PM.');
    expect(outline.recipients.lines.slice(0, -1).every((r) => r.endsWith(';'))).toBe(true);
    expect(outline.signer).toEqual({ authority: null, title: 'CHỦ TỊCH', name: 'Lê Ngọc Ân' });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(outline))).toEqual(outline);
  });
});

describe('buildPlanOutline — omissions and variants', () => {
  it('leaves out sections without data and keeps the numbering consecutive', () => {
    const input = seed001Plan();
    const content = { ...input.content, theme: null, goals: [], requirements: [] };
    const outline = buildPlanOutline({ ...input, content });
    expect(headings(outline)).toEqual([
      'I. MỤC ĐÍCH',
      'II. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN THI ĐUA',
      'III. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(texts(outline)).not.toContain('1. Mục đích'); // the part would repeat the section
  });

  it('adds criteria and rewards sections in their place when present', () => {
    const input = seed001Plan();
    const content = storedPlanContent({
      ...input.content,
      criteria: { collective: ['Hoàn thành xuất sắc nhiệm vụ năm.'], individual: [] },
      dossier: [{ level: 'Trình cấp huyện', items: ['Tờ trình', 'Biên bản họp xét'] }],
    });
    const outline = buildPlanOutline({ ...input, content });
    expect(headings(outline)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. CHỦ ĐỀ VÀ MỤC TIÊU THI ĐUA',
      'III. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN THI ĐUA',
      'IV. TIÊU CHÍ THI ĐUA',
      'V. HỒ SƠ KHEN THƯỞNG',
      'VI. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(texts(outline)).toContain('1. Đối với tập thể');
    expect(texts(outline)).toContain('Trình cấp huyện:');
    expect(texts(outline)).toContain('- Biên bản họp xét.');
  });

  it('writes no cascade paragraph when no lower unit must issue a plan', () => {
    const outline = buildPlanOutline(seed001Plan({ cascade: null }));
    expect(texts(outline).some((t) => t.startsWith('Căn cứ Kế hoạch này'))).toBe(false);
  });

  it('uses the document type in the heading and the body', () => {
    const outline = buildPlanOutline(seed001Plan({ docType: 'HD' }));
    expect(outline.docTypeHeading).toBe('HƯỚNG DẪN');
    expect(texts(outline).some((t) => t.startsWith('Căn cứ Hướng dẫn này,'))).toBe(true);
    expect(buildPlanOutline(seed001Plan({ docType: 'CTr' })).docTypeHeading).toBe('CHƯƠNG TRÌNH');
  });

  it('writes every string in NFC even when the input is decomposed', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const input = seed001Plan();
    const outline = buildPlanOutline({
      ...input,
      title: nfd(input.title),
      place: nfd(input.place),
      content: { ...input.content, purposes: input.content.purposes.map(nfd) },
    });
    const all = JSON.stringify(outline);
    expect(all).toBe(all.normalize('NFC'));
    expect(outline.header.placeDate).toBe('Châu Thành, ngày 18 tháng 02 năm 2022');
  });
});

describe('buildPlanOutline — seed 000 draft (Lương Điền)', () => {
  const outline = buildPlanOutline(seed000Draft());

  it('marks the draft and leaves the number and the day blank', () => {
    expect(outline.draftMark).toBe('DỰ THẢO');
    expect(outline.header.parentBody).toBe('UBND HUYỆN CẨM GIÀNG');
    expect(outline.header.number).toBe('Số:      /KH-UBND');
    expect(outline.header.placeDate).toBe('Lương Điền, ngày      tháng      năm 2026');
  });

  it('keeps a "Thực hiện" basis as cited and ends the only basis with "."', () => {
    const bases = outline.blocks.filter((b) => b.type === 'legalBasis');
    expect(bases.map((b) => b.text)).toEqual([
      'Thực hiện Kế hoạch số 131/KH-UBND ngày 30/12/2025 của UBND huyện Cẩm Giàng về cải cách hành chính nhà nước năm 2026.',
    ]);
  });

  it('writes periods, registration deadline, rewards and quotas', () => {
    const t = texts(outline);
    expect(t).toContain('Từ ngày ban hành Kế hoạch đến ngày 31/12/2026.');
    expect(t).toContain('Thời hạn đăng ký thi đua: chậm nhất ngày 05/01/2026.');
    expect(headings(outline)).toContain('III. HÌNH THỨC VÀ SỐ LƯỢNG KHEN THƯỞNG');
    expect(t).toContain('- Tặng quà của Chủ tịch UBND xã cho cá nhân: 300.000 đồng;');
    expect(t).toContain(
      '- Giấy khen của Chủ tịch UBND xã cho tập thể: hệ số 0,3 × mức lương cơ sở.',
    );
    expect(t).toContain('- Giấy khen của Chủ tịch UBND xã: không quá 01 tập thể và 02 cá nhân;');
    expect(t).toContain('- Tặng quà: không quá 20% số cá nhân tham gia.');
  });

  it('writes a default closing, the archive line and the authority line', () => {
    expect(outline.blocks.at(-1)?.text).toBe(
      'Trên đây là Kế hoạch phát động phong trào thi đua đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn xã năm 2026, đề nghị các cơ quan, đơn vị, địa phương nghiêm túc triển khai, thực hiện./.',
    );
    expect(outline.recipients.lines).toEqual(['- Lưu: VT.']);
    expect(outline.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Nguyễn Đình Bằng',
    });
  });
});

describe('buildPlanOutline — seed 004 contest (Trung Lương)', () => {
  const outline = buildPlanOutline(seed004Contest());

  it('writes the contest rules: topics, entry quotas, prizes, funding', () => {
    expect(outline.header.number).toBe('Số: 05/KH-UBND');
    expect(headings(outline)).toEqual([
      'I. MỤC ĐÍCH',
      'II. ĐỐI TƯỢNG, THỜI GIAN DỰ THI',
      'III. THỂ LỆ CUỘC THI',
    ]);
    const t = texts(outline);
    expect(t).toContain('1. Đối tượng dự thi');
    expect(t).toContain('Thời hạn đăng ký dự thi: chậm nhất ngày 30/6/2024.');
    expect(t).toContain('- Mỗi tổ chức đoàn thể: tối thiểu 01 bài dự thi.');
    expect(t).toContain('- 01 giải Nhất, mỗi giải 3.000.000 đồng;');
    expect(t).toContain('- 02 giải Nhì dành cho cá nhân, mỗi giải 2.000.000 đồng.');
    expect(t.some((x) => x.includes('tính đến ngày 30/4/2025.'))).toBe(true);
    expect(t).toContain('4. Kinh phí');
  });
});

describe('Nơi nhận — exactly one archive line', () => {
  const recipientsOf = (recipients: string[]) => {
    const base = seed001Plan();
    return buildPlanOutline({ ...base, content: { ...base.content, recipients } }).recipients.lines;
  };

  it.each([
    // Seed 003 (OCR, without accents): the imported list carries its own archive line.
    [
      ['-Phong N6i vy thanh phd;', '-CT, c4c PCT UBND phuong;', '-Luu: VT.'],
      ['- Phong N6i vy thanh phd;', '- CT, c4c PCT UBND phuong;', '- Luu: VT.'],
    ],
    [
      ['Ban TĐKT Tỉnh', 'Lưu: VT, PM'],
      ['- Ban TĐKT Tỉnh;', '- Lưu: VT, PM.'],
    ],
    [
      ['LƯU VT', 'Ban TĐKT Tỉnh'],
      ['- Ban TĐKT Tỉnh;', '- LƯU VT.'],
    ],
    [
      ['Ban TĐKT Tỉnh', 'Lưu: VT.', '- Lưu: VP'],
      ['- Ban TĐKT Tỉnh;', '- Lưu: VT.'],
    ],
    [['Ban TĐKT Tỉnh'], ['- Ban TĐKT Tỉnh;', '- Lưu: VT.']],
    [['Luật sư Nguyễn Văn A'], ['- Luật sư Nguyễn Văn A;', '- Lưu: VT.']],
  ])('%j → %j', (given, lines) => {
    expect(recipientsOf(given)).toEqual(lines);
    expect(recipientsOf(given).filter((l) => isArchiveLine(l))).toHaveLength(1);
  });
});
