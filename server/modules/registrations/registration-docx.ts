import { AlignmentType, Document, Packer, Paragraph, Table } from 'docx';
import type { Commitments } from '../../../shared/registration';
import {
  fixedDocumentDate,
  headerLines,
  longDate,
  lowerFirst,
  normaliseDocx,
  stripEndPunctuation,
  BODY_SPACING,
  TEXT_WIDTH,
  centred,
  officialDocument,
  rule,
  run,
  twoColumns,
  type RunStyle,
} from '../documents/index';

/**
 * The registration form (bản đăng ký thi đua) as a Word document in the Decree 30/2020 layout the
 * plans use: A4, Times New Roman, the registering body beside the Quốc hiệu, the commitments as
 * numbered sections, and a signature block. Byte-identical for the same input.
 */

export type RegistrationFormInput = {
  kind: 'collective' | 'individual';
  /** Body above the registering unit, upper case ("UBND XÃ LƯƠNG ĐIỀN"), or null. */
  parentBody: string | null;
  /** The registering unit, upper case ("BỘ PHẬN MỘT CỬA"). */
  unitBody: string;
  unitName: string;
  person: { fullName: string; position: string | null } | null;
  /** Địa danh for "Lương Điền, ngày …". */
  place: string;
  /** The day it was submitted (Vietnam calendar), 'YYYY-MM-DD'. */
  submittedOn: string;
  plan: {
    documentNumber: string | null;
    issuedOn: string | null;
    issuerName: string;
    title: string;
  };
  commitments: Commitments;
};

const LEFT = 3600;
const RIGHT = TEXT_WIDTH - LEFT;
const body = (text: string, s: RunStyle = { size: 14 }) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 720 },
    spacing: BODY_SPACING,
    children: [run(text, s)],
  });

function header(f: RegistrationFormInput): Table {
  const bodies = [
    ...headerLines(f.parentBody ?? '').map((t) => centred(t, { size: 13 })),
    ...headerLines(f.unitBody).map((t) => centred(t, { size: 13, bold: true })),
    rule(1300, LEFT),
  ];
  const nation = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true }),
    rule(3500, RIGHT),
  ];
  const date = centred(
    `${f.place}, ${longDate(f.submittedOn)}`,
    { size: 14, italics: true },
    { spacing: { before: 120, after: 0 } },
  );
  return twoColumns(
    [LEFT, RIGHT],
    [
      [bodies, nation],
      [[], [date]],
    ],
  );
}

/** "Thực hiện Kế hoạch số 47/KH-UBND ngày 15 tháng 6 năm 2020 của UBND huyện An Biên về …". */
export function planReference(plan: RegistrationFormInput['plan']): string {
  const number = plan.documentNumber === null ? '' : ` số ${plan.documentNumber}`;
  const date = plan.issuedOn === null ? '' : ` ${longDate(plan.issuedOn)}`;
  return `Thực hiện Kế hoạch${number}${date} của ${plan.issuerName} về ${lowerFirst(
    stripEndPunctuation(plan.title),
  )},`;
}

/** The numbered sections of the commitments, as printed ("I. DANH HIỆU …", "- …"). */
export function commitmentSections(c: Commitments): { heading: string; lines: string[] }[] {
  const bullets = (items: string[]) =>
    items.length === 0 ? ['(Không đăng ký)'] : items.map((t) => `- ${stripEndPunctuation(t)}.`);
  return [
    {
      heading: 'I. DANH HIỆU, KẾT QUẢ PHẤN ĐẤU',
      lines: [c.targetTitle === null ? '(Không đăng ký)' : `- ${c.targetTitle}.`],
    },
    { heading: 'II. CÁC CHỈ TIÊU', lines: bullets(c.targets) },
    { heading: 'III. NHIỆM VỤ TRỌNG TÂM', lines: bullets(c.keyTasks) },
    { heading: 'IV. NHIỆM VỤ ĐỘT PHÁ', lines: bullets(c.breakthroughTasks) },
  ];
}

function who(f: RegistrationFormInput): Paragraph[] {
  if (f.kind === 'collective' || f.person === null)
    return [body(`Tên tập thể đăng ký: ${f.unitName}.`, { size: 14, bold: true })];
  return [
    body(`Họ và tên: ${f.person.fullName}.`, { size: 14, bold: true }),
    ...(f.person.position === null ? [] : [body(`Chức vụ: ${f.person.position}.`)]),
    body(`Đơn vị công tác: ${f.unitName}.`),
  ];
}

function signature(f: RegistrationFormInput): Table {
  const blank = Array.from({ length: 4 }, () => centred('', { size: 14 }));
  const sign = (title: string, note: string, name: string | null) => [
    centred(title, { size: 14, bold: true }),
    centred(note, { size: 14, italics: true }),
    ...blank,
    ...(name === null ? [] : [centred(name, { size: 14, bold: true })]),
  ];
  if (f.kind === 'collective' || f.person === null)
    return twoColumns(
      [LEFT, RIGHT],
      [[[], sign('THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên, đóng dấu)', null)]],
    );
  return twoColumns(
    [TEXT_WIDTH / 2, TEXT_WIDTH / 2],
    [
      [
        sign('XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)', null),
        sign('NGƯỜI ĐĂNG KÝ', '(Ký, ghi rõ họ tên)', f.person.fullName),
      ],
    ],
  );
}

function build(f: RegistrationFormInput): Document {
  const sections = commitmentSections(f.commitments).flatMap((s) => [
    body(s.heading, { size: 14, bold: true }),
    ...s.lines.map((l) => body(l)),
  ]);
  const subject = f.kind === 'collective' ? 'tập thể' : 'cá nhân';
  return officialDocument({
    creator: f.unitBody,
    title: `Bản đăng ký thi đua — ${f.person?.fullName ?? f.unitName}`,
    children: [
      header(f),
      centred('BẢN ĐĂNG KÝ THI ĐUA', { size: 14, bold: true }, { spacing: { before: 360 } }),
      centred(`(Dành cho ${subject})`, { size: 14, italics: true }),
      rule(2600, TEXT_WIDTH),
      new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
      body(planReference(f.plan), { size: 14, italics: true }),
      ...who(f),
      body('Đăng ký thi đua với các nội dung sau:'),
      ...sections,
      body(
        'Trên đây là nội dung đăng ký thi đua, phấn đấu hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ đã đăng ký./.',
      ),
      signature(f),
    ],
  });
}

/** Renders the form; the package's timestamps are fixed to the day it was submitted. */
export async function renderRegistrationDocx(f: RegistrationFormInput): Promise<Buffer> {
  const packed = await Packer.toBuffer(build(f));
  return normaliseDocx(packed, fixedDocumentDate(f.submittedOn, Number(f.submittedOn.slice(0, 4))));
}
