import type { Quota, RewardForm } from '../../../shared/campaign';
import { campaignModeLabels } from '../../../shared/campaign';
import type { PlanDocumentInput, PlanOutlineBlock } from './plan-document';
import {
  coefficientText,
  docTypeWords,
  letter,
  countText,
  decimal,
  joinWithAnd,
  lowerFirst,
  moneyText,
  punctuateList,
  shortDate,
  upper,
} from './plan-format';

/**
 * The numbered sections of a plan document, each built from structured fields. A section (or a
 * numbered part inside it) with no data is left out; numbering is applied to what remains.
 */

export type PlanSection = { title: string; blocks: PlanOutlineBlock[] };
type Part = { title: string; body: (n: number) => PlanOutlineBlock[] } | null;

/** How the body names what competes: "thi đua" for a campaign, "dự thi" for a contest. */
type Words = { upper: string; lower: string; verb: string };
const campaignWords: Words = { upper: 'THI ĐUA', lower: 'thi đua', verb: 'thi đua' };
const contestWords: Words = { upper: 'CUỘC THI', lower: 'cuộc thi', verb: 'dự thi' };

const paragraph = (text: string): PlanOutlineBlock => ({ type: 'paragraph', text });
const bullet = (text: string): PlanOutlineBlock => ({
  type: 'bullet',
  text: /^[-+]\s/u.test(text) ? text : `- ${text.replace(/^[-+]\s*/u, '')}`,
});

/** Free text: one block a line; lines the author began with "-" or "+" stay list lines. */
function textBlocks(text: string): PlanOutlineBlock[] {
  return text
    .split(/\n+/u)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (/^[-+]/u.test(l) ? bullet(l) : paragraph(l)));
}

/** Numbers the parts that have data: "1. Mục đích", "2. Yêu cầu". */
function numbered(parts: readonly Part[]): PlanOutlineBlock[] {
  const present = parts.filter((p): p is NonNullable<Part> => p !== null);
  return present.flatMap((p, i) => [
    { type: 'subheading' as const, text: `${i + 1}. ${p.title}` },
    ...p.body(i + 1),
  ]);
}

function section(title: string, parts: readonly Part[]): PlanSection | null {
  const present = parts.filter((p): p is NonNullable<Part> => p !== null);
  const [only] = present;
  // "I. MỤC ĐÍCH" needs no "1. Mục đích" under it.
  if (present.length === 1 && only !== undefined && upper(only.title) === upper(title))
    return { title, blocks: only.body(1) };
  const blocks = numbered(present);
  return blocks.length === 0 ? null : { title, blocks };
}

const listPart = (title: string, lines: readonly string[]): Part =>
  lines.length === 0 ? null : { title, body: () => lines.map(bullet) };

function purposeSection(input: PlanDocumentInput): PlanSection | null {
  const { purposes, requirements } = input.content;
  const words = [purposes.length > 0 && 'MỤC ĐÍCH', requirements.length > 0 && 'YÊU CẦU'];
  const title = words.filter((w): w is string => w !== false).join(', ');
  return section(title, [listPart('Mục đích', purposes), listPart('Yêu cầu', requirements)]);
}

function themeSection(input: PlanDocumentInput, w: Words): PlanSection | null {
  const { theme, goals } = input.content;
  const words = [theme !== null && 'CHỦ ĐỀ', goals.length > 0 && 'MỤC TIÊU'];
  const title = `${joinWithAnd(
    words.filter((x): x is string => x !== false),
    'VÀ',
  )} ${w.upper}`;
  return section(title, [
    theme === null ? null : { title: `Chủ đề ${w.lower}`, body: () => textBlocks(theme) },
    listPart(`Mục tiêu ${w.lower}`, goals),
  ]);
}

/** "a) Tập thể: ….", or "a) Tập thể:" and list lines "- …;" for several. */
function labelledGroup(label: string, lines: readonly string[]): PlanOutlineBlock[] {
  const items = punctuateList(lines);
  const [only] = items;
  if (items.length === 1 && only !== undefined) return [paragraph(`${label}: ${only}`)];
  return [paragraph(`${label}:`), ...items.map(bullet)];
}

function participantsPart(input: PlanDocumentInput, word: string): Part {
  const p = input.content.participants;
  const groups = [
    { label: 'Tập thể', lines: p.collectives },
    { label: 'Cá nhân', lines: p.individuals },
    { label: 'Không áp dụng đối với', lines: p.excluded },
  ].filter((g) => g.lines.length > 0);
  if (groups.length === 0) return null;
  const lettered = groups.length > 1;
  return {
    title: `Đối tượng ${word}`,
    body: () =>
      groups.flatMap((g, i) =>
        labelledGroup(lettered ? `${letter(i)}) ${g.label}` : g.label, g.lines),
      ),
  };
}

/** "Từ ngày 18/02/2022 đến ngày 31/12/2025." (or from the issue date when no start is set). */
function periodText(input: PlanDocumentInput): string | null {
  const { periodStart: start, periodEnd: end } = input;
  if (start !== null && end !== null)
    return `Từ ngày ${shortDate(start)} đến ngày ${shortDate(end)}.`;
  if (start !== null) return `Từ ngày ${shortDate(start)}.`;
  if (end !== null)
    return `Từ ngày ban hành ${docTypeWords[input.docType]} đến ngày ${shortDate(end)}.`;
  return null;
}

function timePart(input: PlanDocumentInput, word: string): Part {
  const contest = input.kind === 'contest';
  const lines: PlanOutlineBlock[] = [];
  if (input.mode !== null && !contest)
    lines.push(paragraph(`Hình thức: ${lowerFirst(campaignModeLabels[input.mode])}.`));
  const period = periodText(input);
  if (period !== null) lines.push(paragraph(period));
  if (input.registrationDeadline !== null) {
    const what = contest ? 'đăng ký dự thi' : 'đăng ký thi đua';
    lines.push(
      paragraph(`Thời hạn ${what}: chậm nhất ngày ${shortDate(input.registrationDeadline)}.`),
    );
  }
  if (lines.length === 0) return null;
  const title =
    input.mode !== null && !contest ? `Hình thức, thời gian ${word}` : `Thời gian ${word}`;
  return { title, body: () => lines };
}

function scopeSection(input: PlanDocumentInput, w: Words): PlanSection | null {
  const word = w.verb;
  const contents = input.content.contents;
  const parts: Part[] = [
    participantsPart(input, word),
    contents.length === 0
      ? null
      : {
          title: `Nội dung ${word}`,
          body: (n) => contents.map((c, i) => paragraph(`${n}.${i + 1}. ${c}`)),
        },
    timePart(input, word),
  ];
  const words = ['ĐỐI TƯỢNG', 'NỘI DUNG', 'THỜI GIAN'].filter((_, i) => parts[i] !== null);
  return section(`${words.join(', ')} ${upper(word)}`, parts);
}

function criteriaSection(input: PlanDocumentInput): PlanSection | null {
  const { collective, individual } = input.content.criteria;
  const title = input.kind === 'contest' ? 'TIÊU CHÍ ĐÁNH GIÁ' : 'TIÊU CHÍ THI ĐUA';
  return section(title, [
    listPart('Đối với tập thể', collective),
    listPart('Đối với cá nhân', individual),
  ]);
}

function contestSection(input: PlanDocumentInput): PlanSection | null {
  const c = input.content.contest;
  if (input.kind !== 'contest' || c === null) return null;
  const funding = c.funding;
  const topics = c.topics.map(bullet);
  if (c.noveltyCutoff !== null)
    topics.push(
      paragraph(
        'Sáng kiến, giải pháp dự thi phải mới, không trùng lặp với sáng kiến, giải pháp đã được ' +
          `áp dụng tính đến ngày ${shortDate(c.noveltyCutoff)}.`,
      ),
    );
  const quotas = punctuateList(
    c.entryQuotas.map((q) => `${q.unitType}: tối thiểu ${countText(q.minEntries)} bài dự thi`),
  );
  const prizes = punctuateList(
    c.prizes.map((p) => {
      const rank = /^giải\b/iu.test(p.rank) ? lowerFirst(p.rank) : `giải ${p.rank}`;
      const head =
        p.count === null
          ? `${rank.charAt(0).toUpperCase()}${rank.slice(1)}`
          : `${countText(p.count)} ${rank}`;
      const who =
        p.recipient === null
          ? ''
          : ` dành cho ${p.recipient === 'collective' ? 'tập thể' : 'cá nhân'}`;
      const money = p.amountVnd === null ? '' : `, mỗi giải ${moneyText(p.amountVnd)}`;
      return `${head}${who}${money}`;
    }),
  );
  return section('THỂ LỆ CUỘC THI', [
    topics.length === 0 ? null : { title: 'Chủ đề, lĩnh vực dự thi', body: () => topics },
    listPart('Số lượng bài dự thi', quotas),
    listPart('Cơ cấu giải thưởng', prizes),
    funding === null ? null : { title: 'Kinh phí', body: () => textBlocks(funding) },
  ]);
}

const scopeWords = { collective: 'tập thể', individual: 'cá nhân', household: 'hộ gia đình' };

/** "Giấy khen của Chủ tịch UBND xã cho cá nhân: 300.000 đồng (kèm theo quà)". */
function rewardLine(r: RewardForm): string {
  const issuer = r.issuerTitle === null ? '' : ` của ${r.issuerTitle}`;
  const scope = r.scope === null ? '' : ` cho ${scopeWords[r.scope]}`;
  const amounts = [
    r.coefficient === null ? null : coefficientText(r.coefficient),
    r.amountVnd === null ? null : moneyText(r.amountVnd),
  ].filter((a): a is string => a !== null);
  const amount =
    amounts.length === 0 ? '' : `: ${amounts[0] ?? ''}${amounts[1] ? ` (${amounts[1]})` : ''}`;
  const note = r.note === null ? '' : ` (${r.note})`;
  return `${r.form}${issuer}${scope}${amount}${note}`;
}

/** "01 tập thể", "20% số cá nhân". */
function quotaPhrase(q: Quota): string {
  const who = q.scope === 'collective' ? 'tập thể' : 'cá nhân';
  const count = q.maxCount === null ? null : `${countText(q.maxCount)} ${who}`;
  const percent = q.maxPercent === null ? null : `${decimal(q.maxPercent)}% số ${who} tham gia`;
  if (count !== null && percent !== null) return `${count} (và không quá ${percent})`;
  return count ?? percent ?? '';
}

/** One line per level: "Giấy khen của Chủ tịch UBND huyện: không quá 01 tập thể và 02 cá nhân". */
function quotaLines(quotas: readonly Quota[]): string[] {
  const byLevel = new Map<string, Quota[]>();
  for (const q of quotas) byLevel.set(q.level, [...(byLevel.get(q.level) ?? []), q]);
  return punctuateList(
    [...byLevel].map(([level, qs]) => `${level}: không quá ${qs.map(quotaPhrase).join(' và ')}`),
  );
}

function rewardSection(input: PlanDocumentInput): PlanSection | null {
  const { rewards, quotas, dossier } = input.content;
  const parts: Part[] = [
    listPart('Hình thức khen thưởng', punctuateList(rewards.map(rewardLine))),
    listPart('Số lượng khen thưởng', quotaLines(quotas)),
    dossier.length === 0
      ? null
      : {
          title: 'Hồ sơ đề nghị khen thưởng',
          body: () =>
            dossier.flatMap((d, i) => {
              const label = dossier.length > 1 ? `${letter(i)}) ` : '';
              return labelledGroup(`${label}${d.level}`, d.items);
            }),
        },
  ];
  const words = ['HÌNH THỨC', 'SỐ LƯỢNG', 'HỒ SƠ'].filter((_, i) => parts[i] !== null);
  return section(`${joinWithAnd(words, 'VÀ')} KHEN THƯỞNG`, parts);
}

/** "Căn cứ Kế hoạch này, A, B xây dựng, ban hành kế hoạch … chậm nhất ngày 28/02/2022." */
function cascadeParagraph(input: PlanDocumentInput): PlanOutlineBlock | null {
  const cascade = input.cascade;
  if (cascade === null) return null;
  const units = cascade.unitNames.map((u) => u.trim()).filter((u) => u !== '');
  const who = units.length === 0 ? 'các cơ quan, đơn vị, địa phương' : joinWithAnd(units, 'và');
  const plan = input.kind === 'contest' ? 'kế hoạch tổ chức cuộc thi' : 'kế hoạch thi đua';
  const by =
    cascade.deadline === null
      ? ''
      : `; thời hạn ban hành chậm nhất ngày ${shortDate(cascade.deadline)}`;
  return paragraph(
    `Căn cứ ${docTypeWords[input.docType]} này, ${who} xây dựng, ban hành ${plan} của cơ quan, ` +
      `đơn vị, địa phương mình để triển khai, tổ chức thực hiện${by}.`,
  );
}

function organisationSection(input: PlanDocumentInput): PlanSection | null {
  const { assignments, deadlines, reviewRounds } = input.content;
  const parts: Part[] = [
    ...assignments.map((a): Part => ({ title: a.assignee, body: () => textBlocks(a.task) })),
    listPart(
      'Các mốc thời gian',
      punctuateList(deadlines.map((d) => `${d.label}: chậm nhất ngày ${shortDate(d.date)}`)),
    ),
    listPart(
      'Sơ kết, tổng kết',
      punctuateList(
        reviewRounds.map((r) =>
          r.date === null ? r.label : `${r.label}: ngày ${shortDate(r.date)}`,
        ),
      ),
    ),
  ];
  const lead = cascadeParagraph(input);
  const blocks = [...(lead === null ? [] : [lead]), ...numbered(parts)];
  return blocks.length === 0 ? null : { title: 'TỔ CHỨC THỰC HIỆN', blocks };
}

/** The plan's sections in document order, empty ones left out (numbered by the caller). */
export function buildSections(input: PlanDocumentInput): PlanSection[] {
  const words = input.kind === 'contest' ? contestWords : campaignWords;
  const sections = [
    purposeSection(input),
    themeSection(input, words),
    scopeSection(input, words),
    criteriaSection(input),
    contestSection(input),
    rewardSection(input),
    organisationSection(input),
  ];
  return sections.filter((s): s is PlanSection => s !== null);
}
