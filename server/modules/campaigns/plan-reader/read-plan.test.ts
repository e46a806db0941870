import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanImportJson, readPlanText } from './read-plan';

const seeds = path.join(import.meta.dirname, 'fixtures', 'seeds');
const SEED = {
  s000: '000_df6f930f6fa17a23',
  s001: '001_584ab46066cf9e5a',
  s002: '002_8bb06e3bc8a53859',
  s003: '003_2f885082b70e80f8',
  s004: '004_75962791051c0d47',
};

function text(name: string): string {
  return fs.readFileSync(path.join(seeds, `${name}.txt`), 'utf8');
}
function read(name: string) {
  return readPlanText(text(name)).result;
}

describe('seed 000: UBND xã Lương Điền, number left blank', () => {
  const r = read(SEED.s000);

  it('keeps the blank number null but canonicalises the spaced symbol', () => {
    expect(r.documentNumber).toBeNull();
    expect(r.documentSymbol).toBe('KH-UBND'); // source: "Số: /KH - UBND"
    expect(r.kind).toBe('campaign');
  });

  it('reads header, issuer and title', () => {
    expect(r.issuedOn).toBe('2023-03-06');
    expect(r.issuedYear).toBe(2023);
    expect(r.place).toBe('Lương Điền');
    expect(r.issuer).toBe('UBND xã Lương Điền');
    expect(r.title).toBe(
      'Phát động phong trào thi đua đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn xã năm 2023',
    );
  });

  it('splits the one "Thực hiện" paragraph into two bases with number and date', () => {
    expect(r.legalBases.map((b) => [b.number, b.date])).toEqual([
      ['131/KH-UBND', '2022-12-30'],
      ['59/KH-UBND', '2022-12-28'],
    ]);
    expect(r.legalBases[1]?.text).toBe(
      'Kế hoạch số 59/KH-UBND ngày 28/12/2022 của UBND xã Lương Điền về cải cách hành chính nhà nước năm 2023',
    );
  });

  it('starts the period on the date of issue ("Từ ngày ban hành kế hoạch đến ngày 31/12/2023")', () => {
    expect(r.periodStart).toBe('2023-03-06');
    expect(r.periodEnd).toBe('2023-12-31');
    expect(r.registrationDeadline).toBeNull();
    expect(r.deadlines).toEqual([]);
  });

  it('reads participants, the five contents 3.1–3.5 and the gift of 300.000đ per person', () => {
    expect(r.participants).toEqual({
      collectives: ['Các đơn vị đóng trên địa bàn xã'],
      individuals: [
        'Các cán bộ, công chức thuộc Đảng uỷ- HĐND- UBND- UB MTTQ, các ngành đoàn thể, công chức UBND xã',
      ],
      excluded: [],
    });
    expect(r.contents).toHaveLength(5);
    expect(r.contents[0]).toMatch(/^Thi đua nâng cao trách nhiệm của người đứng đầu/u);
    expect(r.contents[4]).toMatch(/cơ quan hành chính nhà nước cấp xã$/u);
    expect(r.rewards).toEqual([{ form: 'Quà', issuerTitle: 'UBND xã', amountVnd: 300000 }]);
  });

  it('reads signer (not the TM. authority line) and recipients', () => {
    expect(r.signer).toEqual({ title: 'Chủ tịch', name: 'Nguyễn Đình Bằng' });
    expect(r.recipients).toEqual([
      'TT đảng ủy – TT HĐND xã (B/c)',
      'Lãnh đạo UBND xã',
      'Cán bộ, công chức xã',
      'Lưu: VP',
    ]);
  });

  it('invents nothing the plan does not say', () => {
    expect(r.criteria).toEqual({ collective: [], individual: [] });
    expect(r.quotas).toEqual([]);
    expect(r.dossier).toEqual([]);
    expect(r.prizes).toEqual([]);
    expect(r.entryQuotas).toEqual([]);
  });
});

describe('seed 001: UBND huyện Châu Thành, 47/KH-UBND', () => {
  const r = read(SEED.s001);

  it('reads number (markdown around it), date, place, issuer and title', () => {
    expect(r.documentNumber).toBe('47/KH-UBND'); // source: "Số: *47* /KH-UBND"
    expect(r.documentSymbol).toBe('KH-UBND');
    expect(r.issuedOn).toBe('2022-02-18');
    expect(r.issuedYear).toBe(2022);
    expect(r.place).toBe('Châu Thành');
    expect(r.issuer).toBe('UBND huyện Châu Thành');
    expect(r.title).toMatch(/^Phát động phong trào thi đua .* từ nay đến năm 2025$/u);
  });

  it('reads the three "Căn cứ" bases, keeping the mixed-case symbol CT-TTg', () => {
    expect(r.legalBases.map((b) => [b.number, b.date])).toEqual([
      ['23/CT-TTg', '2021-09-02'],
      ['595/KH-UBND', '2022-02-17'],
      ['1012/QĐ-UBND', '2021-05-05'],
    ]);
    expect(r.legalBases[0]?.text).toMatch(/^Chỉ thị số 23\/CT-TTg ngày 02\/9\/2021 của Thủ tướng/u);
  });

  it('reads the period "từ nay đến hết ngày 31/12/2025" and the 28/02/2022 deadline', () => {
    expect(r.periodStart).toBe('2022-02-18');
    expect(r.periodEnd).toBe('2025-12-31');
    expect(r.deadlines).toEqual([
      {
        text: 'Kế hoạch và Hướng dẫn khen thưởng gửi về Hội đồng Thi đua - Khen thưởng huyện (qua Phòng Nội vụ) chậm nhất ngày 28/02/2022 để tổng hợp',
        date: '2022-02-28',
      },
    ]);
    expect(r.registrationDeadline).toBeNull();
  });

  it('splits "…; cá nhân thuộc …" participants into collectives and individuals', () => {
    expect(r.participants).toEqual({
      collectives: [
        'Các phòng, ban, ngành cấp huyện và các đơn vị trực thuộc',
        'UBND các xã, thị trấn',
      ],
      individuals: ['Cá nhân thuộc các tập thể trên', 'Cá nhân thuộc UBND cấp xã'],
      excluded: [],
    });
    expect(r.contents).toHaveLength(5);
    expect(r.contents[0]).toMatch(/^Tăng cường sự lãnh đạo, chỉ đạo/u);
    expect(r.contents[4]).toMatch(/TCVN ISO 9001:2015$/u);
  });

  it('reads signer and recipients; rewards are left to a later guideline, so none', () => {
    expect(r.signer).toEqual({ title: 'Chủ tịch', name: 'Lê Ngọc Ân' });
    expect(r.recipients).toHaveLength(7);
    expect(r.recipients[0]).toBe('Ban TĐKT Tỉnh');
    expect(r.recipients[6]).toBe('Lưu: VT, PM');
    expect(r.rewards).toEqual([]);
    expect(r.quotas).toEqual([]);
    expect(r.criteria).toEqual({ collective: [], individual: [] });
  });
});

describe('seed 002: UBND huyện An Biên, 49/KH-UBND', () => {
  const r = read(SEED.s002);

  it('names the issuer from "Ủy ban nhân dân huyện xây dựng…" and the place', () => {
    expect(r.documentNumber).toBe('49/KH-UBND');
    expect(r.issuedOn).toBe('2020-03-30');
    expect(r.place).toBe('An Biên');
    expect(r.issuer).toBe('UBND huyện An Biên');
    expect(r.title).toBe(
      'Thi đua theo chuyên đề về thực hiện công tác cải cách hành chính năm 2020',
    );
  });

  it('reads bases with both date styles, including a year in the number', () => {
    expect(r.legalBases.map((b) => [b.number, b.date])).toEqual([
      ['24/2018/QĐ-UBND', '2018-12-28'],
      ['07/KH-UBND', '2020-01-21'], // "ngày 21 tháng 01 năm 2020"
      ['2230/QĐ-UBND', '2019-05-23'],
    ]);
  });

  it('reads "trong năm 2020" as the whole year and the registration deadline', () => {
    expect(r.periodStart).toBe('2020-01-01');
    expect(r.periodEnd).toBe('2020-12-31');
    expect(r.registrationDeadline).toBe('2020-07-31');
    expect(r.deadlines).toEqual([
      { text: 'Thời gian đăng ký thi đua đến ngày 31/7/2020', date: '2020-07-31' },
    ]);
  });

  it('reads participants and the content paragraph cut by a page break', () => {
    expect(r.participants.collectives).toEqual([
      'Bộ phận tiếp nhận và trả kết quả các xã, thị trấn và Bộ phận tiếp nhận & trả kết quả của huyện',
    ]);
    expect(r.participants.individuals).toHaveLength(2);
    expect(r.participants.individuals[0]).toMatch(/^Cán bộ, công chức trong Tổ “Một cửa”/u);
    expect(r.contents).toHaveLength(1);
    expect(r.contents[0]).toMatch(/Quy định xác định tiêu chí theo dõi/u); // "Quy" + blank line + "định"
  });

  it('reads criteria, Giấy khen with 20% quotas per scope, and the dossier', () => {
    expect(r.criteria.collective).toHaveLength(1);
    expect(r.criteria.collective[0]).toMatch(/^Các cơ quan, đơn vị có đăng ký thi đua \(theo mẫu/u);
    expect(r.criteria.individual).toHaveLength(1);
    expect(r.criteria.individual[0]).toMatch(/^Thực hiện xuất sắc các nhiệm vụ/u);
    expect(r.rewards).toEqual([
      { form: 'Giấy khen', issuerTitle: 'Chủ tịch UBND huyện', amountVnd: null },
    ]);
    expect(r.quotas).toEqual([
      { scope: 'collective', level: 'Giấy khen', maxCount: null, maxPercent: 20 },
      { scope: 'individual', level: 'Giấy khen', maxCount: null, maxPercent: 20 },
    ]);
    expect(r.dossier).toHaveLength(2);
    expect(r.dossier[0]).toMatch(/^Đối với tập thể: Sau khi có thông báo/u);
    expect(r.dossier[1]).toMatch(/^Đối với cá nhân: Những cơ quan, đơn vị/u);
  });

  it('takes the repeated signer name once', () => {
    expect(r.signer).toEqual({ title: 'Chủ tịch', name: 'Trần Hoàng Mẫn' });
    expect(r.recipients).toHaveLength(9);
    expect(r.recipients[8]).toBe('Lưu: VT, ncnguyen');
  });
});

describe('seed 003: OCR text without diacritics (phường Tiền Thành)', () => {
  const r = read(SEED.s003);

  it('restores the number from "sé: 19 /KH-UBND" and reads the merged header line', () => {
    expect(r.documentNumber).toBe('19/KH-UBND');
    expect(r.documentSymbol).toBe('KH-UBND');
    expect(r.issuedOn).toBe('2023-02-24');
    expect(r.issuedYear).toBe(2023);
    expect(r.place).toBe('Tien Thanh');
    expect(r.issuer).toBe('UBND phường Tien Thanh');
    expect(r.title).toBe('Phat dong phong trao thi dua cdi cach hanh chinh nam 2023');
  });

  it('reads "Can ctr" and "Thuc hién … s6 16/UBND" as bases', () => {
    expect(r.legalBases.map((b) => [b.number, b.date])).toEqual([
      ['04/KH-UBND', '2023-01-20'],
      ['16/UBND', '2023-02-15'],
    ]);
  });

  it('ends the period the day before "dén trudc ngay 20 thang 12 nim 2023"', () => {
    expect(r.periodStart).toBe('2023-02-24');
    expect(r.periodEnd).toBe('2023-12-19');
    expect(r.deadlines).toEqual([]);
  });

  it('finds "Péi tuong" participants and "Doi vdi tap thé" / "Déi véi cd nhin" criteria', () => {
    expect(r.participants.collectives).toEqual([
      'UBND phuong (Cep thanh phd), B6 phan “Mot ctra” phudng',
    ]);
    expect(r.participants.individuals).toEqual(['Can bg, cong chirc, nhan vien phuong']);
    expect(r.criteria.collective).toHaveLength(4);
    expect(r.criteria.collective[0]).toBe('Hoan thanh xuit sic nhiem vu duoc giao nam 2023');
    expect(r.criteria.individual).toHaveLength(4);
    expect(r.criteria.individual[3]).toMatch(/^Thuc hien nghiem ky luat/u);
    expect(r.contents).toEqual([]);
  });

  it('reads both Giấy khen givers and the per-level quotas in canonical form', () => {
    expect(r.rewards).toEqual([
      { form: 'Giấy khen', issuerTitle: 'Chủ tịch UBND thành phố', amountVnd: null },
      { form: 'Giấy khen', issuerTitle: 'Chủ tịch UBND phường', amountVnd: null },
    ]);
    expect(r.quotas).toEqual([
      { scope: 'collective', level: 'Cấp thành phố', maxCount: 1, maxPercent: null },
      { scope: 'individual', level: 'Cấp thành phố', maxCount: 2, maxPercent: null },
      { scope: 'collective', level: 'Cấp xã', maxCount: 1, maxPercent: null },
      { scope: 'individual', level: 'Cấp xã', maxCount: 3, maxPercent: null },
    ]);
  });

  it('reads the dossier per level, the signer beside "Noi nhén:" and the recipients', () => {
    expect(r.dossier).toHaveLength(5);
    expect(r.dossier[0]).toBe('Trinh cdp thanh phe: To trinh de nghi khen thudng cta co quan');
    expect(r.dossier[4]).toMatch(/^Trinh cdp xa: B4o c4o thanh tich .*91\/2017\/ND-CP/u);
    expect(r.signer).toEqual({ title: 'Chủ tịch', name: 'Le Thanh Hoan' });
    expect(r.recipients).toEqual([
      'Phong N6i vy thanh phd',
      'TT Pang uy, HDND phuong',
      'CT, c4c PCT UBND phuong',
      'UBMTTQVN, cac ban nganh doan the phuong',
      'Cac Khu phe',
      'Luu: VT',
    ]);
  });
});

describe('seed 004: contest, number and day blank', () => {
  const r = read(SEED.s004);

  it('is a contest with a null date of issue but the year kept', () => {
    expect(r.kind).toBe('contest');
    expect(r.documentNumber).toBeNull();
    expect(r.documentSymbol).toBe('KH-UBND');
    expect(r.issuedOn).toBeNull(); // "ngày    tháng 5 năm 2024"
    expect(r.issuedYear).toBe(2024);
    expect(r.place).toBe('Trung Lương');
    expect(r.issuer).toBe('UBND phường Trung Lương');
    expect(r.title).toBe(
      'Tổ chức cuộc thi viết “Sáng kiến, giải pháp cải cách hành chính phường Trung Lương năm 2024”',
    );
  });

  it('splits the single "Thực hiện" paragraph into three bases, stopping at the issuer sentence', () => {
    expect(r.legalBases.map((b) => [b.number, b.date])).toEqual([
      ['545/UBND-NV', '2024-03-22'],
      ['12/KH-UBND', '2024-01-30'],
      ['19/KH-UBND', '2024-02-19'],
    ]);
    expect(r.legalBases[0]?.text).toMatch(/^Công văn số 545\/UBND-NV/u);
  });

  it('reads participants, the five topics and the certificate; "tính đến ngày" is no deadline', () => {
    expect(r.participants.collectives).toEqual([
      'Các tổ chức trong hệ thống chính trị của phường Trung Lương',
    ]);
    expect(r.participants.individuals).toHaveLength(1);
    expect(r.participants.individuals[0]).toMatch(/^Cán bộ, công chức, viên chức, người lao động/u);
    expect(r.contents).toHaveLength(5);
    expect(r.contents[2]).toBe(
      'Sáng kiến, giải pháp nâng cao chất lượng dịch vụ công trực tuyến toàn trình; dịch vụ bưu chính công ích',
    );
    expect(r.rewards).toEqual([{ form: 'Giấy chứng nhận', issuerTitle: null, amountVnd: null }]);
    expect(r.deadlines).toEqual([]);
    expect(r.periodStart).toBeNull();
    expect(r.periodEnd).toBeNull();
  });

  it('has no prizes or entry quotas in the text, so none', () => {
    expect(r.prizes).toEqual([]);
    expect(r.entryQuotas).toEqual([]);
    expect(r.signer).toEqual({ title: 'Chủ tịch', name: 'Nguyễn Công Lộc' });
    expect(r.recipients[6]).toBe('Lưu:VT');
  });
});

describe('never invents', () => {
  it('returns an empty draft for text that is not a plan, without throwing', () => {
    for (const junk of [
      '',
      '   ',
      'abc',
      '%%%',
      'Số: /',
      'ngày tháng năm',
      '- \n- \n',
      'I.\nII.\n1.\n',
    ]) {
      const r = readPlanText(junk).result;
      expect(PlanImportJson.parse(r)).toEqual(r);
      expect(r.documentNumber).toBeNull();
      expect(r.issuedOn).toBeNull();
      expect(r.legalBases).toEqual([]);
      expect(r.signer).toBeNull();
    }
  });

  it('does not read "sáng kiến" as Bằng khen, "kết quả" as Quà, nor a citation date as a deadline', () => {
    const r = readPlanText(
      [
        'KẾ HOẠCH',
        'Thi đua năm 2024',
        '',
        'I. NỘI DUNG',
        '- Đề xuất sáng kiến được Hội đồng sáng kiến công nhận; báo cáo kết quả theo Kế hoạch số 12/KH-UBND ngày 30/01/2024 của UBND huyện.',
        '- Áp dụng các giải pháp đã có tính đến ngày 30/4/2024.',
      ].join('\n'),
    ).result;
    expect(r.rewards).toEqual([]);
    expect(r.deadlines).toEqual([]);
    expect(r.legalBases).toEqual([]); // a reference in the body is not a basis of this plan
    expect(r.contents).toHaveLength(2);
  });

  it('gives the same result for decomposed (NFD) input and is deterministic', () => {
    const source = text(SEED.s002);
    const a = readPlanText(source);
    expect(readPlanText(source.normalize('NFD'))).toEqual(a);
    expect(readPlanText(source)).toEqual(a);
  });
});
