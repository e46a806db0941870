import { AlignmentType, Packer, Paragraph, type Table } from 'docx';
import {
  BODY_SPACING,
  TEXT_WIDTH,
  centred,
  fixedDocumentDate,
  gridTable,
  type GridColumn,
  headerLines,
  line,
  longDate,
  normaliseDocx,
  officialDocument,
  rule,
  run,
  twoColumns,
} from '../documents/index';
import { attendanceLabels, councilRoleLabels, type MinutesKind } from '../../../shared/councils';
import type { MeetingDetail } from '../../../shared/api/councils';

/** Columns of the documents kit's grid table (widths in twips; centred or left). */
const grid = (widths: number[], headers: string[], centre: boolean[]): GridColumn[] =>
  headers.map((header, i) => ({
    header,
    width: widths[i] ?? 0,
    align: centre[i] === true ? 'center' : 'left',
  }));

/**
 * The minutes of a review meeting as .docx in the Decree 30/2020 layout (decision 044): the
 * biên bản họp xét (time, place, chair, secretary, attendance and quorum, agenda, each item's
 * result counted on the whole membership against its threshold, written opinions of absent
 * members, conclusion, signatures of the secretary and the chair) and the biên bản kiểm phiếu
 * (per item: yes, no, invalid or blank, not cast; result). Rendered from the meeting as its
 * reader sees it, so in-app counts stay hidden until the meeting closes; marked DỰ THẢO before.
 */

export type MinutesInput = {
  kind: MinutesKind;
  meeting: MeetingDetail;
  /** The council's unit and its parent (the header's issuing body). */
  unitName: string;
  parentUnitName: string | null;
};

const HEADER_LEFT = 4000;
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const INDENT = 720;

const para = (text: string, o: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: BODY_SPACING,
    children: [run(text, { size: 14, ...o })],
  });

/** "Xã Lương Điền" → "Lương Điền": the place name the date line starts with. */
export function placeName(unitName: string): string {
  return unitName.replace(/^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Tỉnh|Thành phố)\s+/iu, '');
}

function header(i: MinutesInput): Table {
  const m = i.meeting;
  const left = [
    ...headerLines((i.parentUnitName ?? i.unitName).toUpperCase(), 30).map((t) =>
      centred(t, { size: 13 }),
    ),
    ...headerLines(`HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG`, 30).map((t) =>
      centred(t, { size: 13, bold: true }),
    ),
    rule(1300, HEADER_LEFT),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true }),
    rule(3500, HEADER_RIGHT),
  ];
  const spaced = { spacing: { before: 120, after: 0 } };
  return twoColumns(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [left, right],
      [
        [centred(`Số:      /BB-HĐTĐKT`, { size: 13 }, spaced)],
        [
          centred(
            `${placeName(i.unitName)}, ${longDate(m.heldOn)}`,
            { size: 14, italics: true },
            spaced,
          ),
        ],
      ],
    ],
  );
}

const byRole = (m: MeetingDetail, role: 'chair' | 'secretary') =>
  m.members.find((x) => x.role === role) ?? null;

function signatures(left: [string, string | null], right: [string, string | null]): Table {
  const block = ([title, name]: [string, string | null]) => [
    centred(title, { size: 14, bold: true }),
    centred('(Ký, ghi rõ họ tên)', { size: 13, italics: true }),
    ...Array.from({ length: 4 }, () => centred('', { size: 14 })),
    centred(name ?? '', { size: 14, bold: true }),
  ];
  const half = Math.round(TEXT_WIDTH / 2);
  return twoColumns([half, TEXT_WIDTH - half], [[block(left), block(right)]]);
}

function resultText(item: MeetingDetail['items'][number]): string {
  if (item.passed === null) return item.tally === null ? 'Chưa kiểm phiếu' : 'Chưa kết luận';
  return item.passed ? 'Đạt' : 'Không đạt';
}

const share = (yes: number, total: number) =>
  total > 0 ? `${(Math.round((yes * 1000) / total) / 10).toLocaleString('vi-VN')} %` : '—';

function timeLine(m: MeetingDetail): string {
  const [h, min] = (m.startsAt ?? '').split(':');
  return m.startsAt === null
    ? `Thời gian: ${longDate(m.heldOn)}.`
    : `Thời gian: ${h} giờ ${min}, ${longDate(m.heldOn)}.`;
}

function reviewBody(i: MinutesInput): (Paragraph | Table)[] {
  const m = i.meeting;
  const chair = byRole(m, 'chair');
  const secretary = byRole(m, 'secretary');
  const present = m.members.filter((x) => x.attendance === 'present');
  const absent = m.members.filter((x) => x.attendance !== 'present');
  const opinions = m.members.filter((x) => x.attendance === 'absent_with_opinion');
  const passed = m.items.filter((x) => x.passed === true);
  const failed = m.items.filter((x) => x.passed === false);
  const out: (Paragraph | Table)[] = [
    para(timeLine(m)),
    para(`Địa điểm: ${m.place ?? '…'}.`),
    para(`Chủ trì: ${chair === null ? '…' : `${chair.fullName}, Chủ tịch Hội đồng`}.`),
    para(`Thư ký: ${secretary === null ? '…' : `${secretary.fullName}, Thư ký Hội đồng`}.`),
    para(
      `Thành phần: ${m.councilName}, tổng số ${m.memberCount} thành viên; có mặt ${present.length}, vắng mặt ${absent.length} (trong đó ${opinions.length} có ý kiến bằng văn bản).`,
    ),
    ...present.map((x) => para(`- ${x.fullName}, ${councilRoleLabels[x.role]}: có mặt.`)),
    ...absent.map((x) =>
      para(
        `- ${x.fullName}, ${councilRoleLabels[x.role]}: ${attendanceLabels[x.attendance ?? 'absent'].toLowerCase()}.`,
      ),
    ),
    para(m.quorum.explanation),
    para('I. NỘI DUNG', { bold: true }),
    para(`Hội đồng xem xét, bỏ phiếu kín đối với ${m.items.length} nội dung sau:`),
    ...m.items.map((x) => para(`${x.position}. ${x.subject.label}.`)),
    para('II. KẾT QUẢ BỎ PHIẾU', { bold: true }),
    para(
      'Tỷ lệ đồng ý được tính trên tổng số thành viên Hội đồng (Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7).',
      { italics: true },
    ),
    gridTable(
      grid(
        [600, 3300, 1500, 1200, 1411, 1300],
        ['TT', 'Nội dung', 'Đồng ý / tổng số thành viên', 'Tỷ lệ', 'Ngưỡng', 'Kết quả'],
        [true, false, true, true, true, true],
      ),
      m.items.map((x) => ({
        cells: [
          String(x.position),
          x.subject.label,
          x.tally === null ? '—' : `${x.tally.yes}/${m.memberCount}`,
          x.tally === null ? '—' : share(x.tally.yes, m.memberCount),
          `${x.threshold.comparison === 'at_least' ? '≥' : '>'} ${x.threshold.percent} %`,
          resultText(x),
        ],
      })),
    ),
  ];
  if (opinions.length > 0) {
    out.push(para('III. Ý KIẾN BẰNG VĂN BẢN CỦA THÀNH VIÊN VẮNG MẶT', { bold: true }));
    out.push(...opinions.map((x) => para(`- ${x.fullName}: ${x.opinion ?? ''}`)));
  }
  out.push(para(`${opinions.length > 0 ? 'IV' : 'III'}. KẾT LUẬN`, { bold: true }));
  if (m.status !== 'closed') out.push(para('Phiên họp chưa kết thúc; chưa có kết luận.'));
  else {
    out.push(
      para(
        passed.length === 0
          ? 'Không có nội dung nào đạt tỷ lệ phiếu đồng ý theo quy định.'
          : `Hội đồng thống nhất đề nghị khen thưởng ${passed.length} trường hợp đạt tỷ lệ phiếu đồng ý theo quy định:`,
      ),
      ...passed.map((x) => para(`- ${x.subject.label}.`)),
    );
    if (failed.length > 0)
      out.push(
        para(`Không đề nghị ${failed.length} trường hợp chưa đạt tỷ lệ phiếu đồng ý:`),
        ...failed.map((x) => para(`- ${x.subject.label}.`)),
      );
    out.push(para('Biên bản được thông qua tại phiên họp và được các thành viên thống nhất.'));
  }
  out.push(
    signatures(
      ['THƯ KÝ HỘI ĐỒNG', secretary?.fullName ?? null],
      ['CHỦ TỊCH HỘI ĐỒNG', chair?.fullName ?? null],
    ),
  );
  return out;
}

function tallyBody(i: MinutesInput): (Paragraph | Table)[] {
  const m = i.meeting;
  const present = m.members.filter((x) => x.attendance === 'present').length;
  const chair = byRole(m, 'chair');
  return [
    para(timeLine(m)),
    para(`Địa điểm: ${m.place ?? '…'}.`),
    para(
      `Ban kiểm phiếu tiến hành kiểm phiếu bầu kín tại phiên họp "${m.title}" của ${m.councilName}.`,
    ),
    para(
      `Tổng số thành viên Hội đồng: ${m.memberCount}; số thành viên có mặt: ${present}; số phiếu phát ra mỗi nội dung: ${present}.`,
    ),
    para('Kết quả kiểm phiếu như sau:', { bold: true }),
    gridTable(
      grid(
        [550, 3000, 1000, 1100, 1150, 1011, 1500],
        ['TT', 'Nội dung', 'Đồng ý', 'Không đồng ý', 'Không hợp lệ', 'Không bỏ phiếu', 'Kết quả'],
        [true, false, true, true, true, true, true],
      ),
      m.items.map((x) => {
        const t = x.tally;
        return {
          cells: [
            String(x.position),
            x.subject.label,
            t === null ? '—' : String(t.yes),
            t === null ? '—' : String(t.no),
            t === null ? '—' : String(t.abstain),
            t === null ? '—' : String(m.memberCount - t.yes - t.no - t.abstain),
            resultText(x),
          ],
        };
      }),
    ),
    para(
      'Phiếu không hợp lệ gồm phiếu trắng, phiếu không biểu quyết; số phiếu không bỏ là số thành viên không bỏ phiếu (kể cả vắng mặt).',
      { italics: true },
    ),
    ...m.items
      .filter((x) => x.explanation !== null)
      .map((x) => para(`${x.position}. ${x.explanation ?? ''}`)),
    signatures(['BAN KIỂM PHIẾU', null], ['CHỦ TỊCH HỘI ĐỒNG', chair?.fullName ?? null]),
  ];
}

/** Renders the minutes; byte-identical for the same input (fixed package dates). */
export async function renderMinutesDocx(i: MinutesInput): Promise<Buffer> {
  const m = i.meeting;
  const heading = i.kind === 'review' ? 'BIÊN BẢN' : 'BIÊN BẢN KIỂM PHIẾU';
  const subtitle = i.kind === 'review' ? `Họp xét thi đua, khen thưởng: ${m.title}` : m.title;
  const children: (Paragraph | Table)[] = [
    ...(m.status === 'closed'
      ? []
      : [line('DỰ THẢO', { size: 13, bold: true }, { alignment: AlignmentType.RIGHT })]),
    header(i),
    centred(heading, { size: 14, bold: true }, { spacing: { before: 360, after: 0 } }),
    centred(subtitle, { size: 14, bold: true }, { indent: { left: 400, right: 400 } }),
    rule(2600, TEXT_WIDTH, 240),
    ...(i.kind === 'review' ? reviewBody(i) : tallyBody(i)),
  ];
  const doc = officialDocument({
    creator: m.councilName,
    title: `${heading} ${subtitle}`,
    children,
  });
  const packed = await Packer.toBuffer(doc);
  return normaliseDocx(packed, fixedDocumentDate(m.heldOn, Number(m.heldOn.slice(0, 4))));
}
