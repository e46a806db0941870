import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { PlanContent } from '../../../shared/campaign';
import type { PlanContentInput } from '../../../shared/campaign';
import {
  cleanContent,
  emptyContentValues,
  formValuesToInput,
  planToFormValues,
  sectionOf,
  toNamePath,
} from './plan-form';
import type { PlanFormValues } from './plan-form';
import type { PlanDetail } from './plans.api';

/** A contest plan using every section of the content, as the server would send it. */
const content = PlanContent.parse({
  legalBases: [
    { text: 'Luật Thi đua, khen thưởng năm 2022', number: '06/2022/QH15', date: '2022-06-15' },
    { text: 'Kế hoạch của huyện', planId: 12 },
  ],
  preamble: 'UBND xã xây dựng kế hoạch như sau:',
  theme: 'Chung sức xây dựng nông thôn mới',
  purposes: ['Mục đích 1'],
  requirements: ['Yêu cầu 1', 'Yêu cầu 2'],
  goals: ['Chỉ tiêu 1'],
  contents: ['Nội dung 1'],
  participants: {
    collectiveUnitKinds: ['village'],
    collectiveUnitIds: [5, 8],
    collectives: ['Các thôn'],
    individualCategories: ['cong_chuc'],
    individuals: ['Cán bộ, công chức'],
    excluded: ['Người đang bị kỷ luật'],
  },
  criteria: {
    collective: ['Hoàn thành nhiệm vụ', 'Đoàn kết'],
    collectiveIds: ['c-0000000a', 'c-0000000b'],
    individual: ['Gương mẫu'],
    individualIds: ['c-0000000c'],
  },
  deadlines: [{ label: 'Gửi hồ sơ', date: '2026-11-30' }],
  reviewRounds: [
    { kind: 'final', label: 'Tổng kết', date: '2026-12-15' },
    { kind: 'round', label: 'Sơ kết', date: null },
  ],
  rewards: [
    {
      id: 'r-0000000a',
      form: 'Giấy khen',
      scope: 'collective',
      issuerTitle: 'Chủ tịch UBND xã',
      amountVnd: 300000,
      coefficient: null,
      note: 'Kèm tiền thưởng',
    },
    { id: 'r-0000000b', form: 'Bằng khen', scope: null, coefficient: 1.5 },
  ],
  quotas: [
    { id: 'q-0000000a', scope: 'individual', level: 'Cấp xã', maxCount: null, maxPercent: 15 },
  ],
  dossier: [{ level: 'Trình cấp huyện', items: ['Tờ trình', 'Biên bản'] }],
  assignments: [
    { unitId: 7, assignee: 'Văn phòng UBND', task: 'Theo dõi' },
    { unitId: null, assignee: 'Đài truyền thanh', task: 'Tuyên truyền' },
  ],
  recipients: ['UBND huyện', 'Lưu: VT'],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
  contest: {
    topics: ['Sáng kiến cải cách hành chính'],
    prizes: [
      {
        id: 'p-0000000a',
        rank: 'Giải Nhất',
        count: 1,
        recipient: 'individual',
        amountVnd: 2000000,
      },
    ],
    entryQuotas: [{ unitType: 'Mỗi thôn', minEntries: 2 }],
    noveltyCutoff: '2025-04-30',
    funding: 'Ngân sách xã',
  },
  closing: 'Trên đây là kế hoạch …',
} satisfies PlanContentInput);

const plan = {
  id: 3,
  kind: 'contest',
  mode: 'thematic',
  docType: 'KH',
  issuerSymbol: 'UBND',
  place: 'Xã An Bình',
  title: 'Cuộc thi sáng kiến',
  issuingUnit: { id: 42, name: 'UBND xã An Bình', kind: 'commune' },
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  registrationDeadline: '2026-03-15',
  cascadeDeadline: null,
  cascadeUnitIds: [11, 12],
  content,
} as unknown as PlanDetail;

describe('plan form ↔ API body', () => {
  it('form values hold dayjs dates and string unit ids', () => {
    const v = planToFormValues(plan);
    expect(v.issuingUnitId).toBe('42');
    expect(v.cascadeUnitIds).toEqual(['11', '12']);
    expect(v.periodStart?.format('DD/MM/YYYY')).toBe('01/01/2026');
    expect(v.cascadeDeadline).toBeNull();
    expect(v.content.participants.collectiveUnitIds).toEqual(['5', '8']);
    expect(v.content.assignments.map((a) => a.unitId)).toEqual(['7', undefined]);
    expect(v.content.contest.noveltyCutoff?.format('YYYY-MM-DD')).toBe('2025-04-30');
  });

  it('round-trips a full plan: the body parses back to the same header and content', () => {
    const body = formValuesToInput(planToFormValues(plan));
    expect(body).toMatchObject({
      kind: 'contest',
      mode: 'thematic',
      docType: 'KH',
      issuerSymbol: 'UBND',
      place: 'Xã An Bình',
      title: 'Cuộc thi sáng kiến',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      registrationDeadline: '2026-03-15',
      cascadeDeadline: null,
      cascadeUnitIds: [11, 12],
    });
    expect(PlanContent.parse(body.content)).toEqual(content);
  });

  it('round-trips the empty content of a new campaign plan', () => {
    const empty = PlanContent.parse({});
    const body = formValuesToInput(planToFormValues({ ...plan, kind: 'campaign', content: empty }));
    expect(PlanContent.parse(body.content)).toEqual(empty);
  });

  it('keeps each item’s id with it through the form: moved, edited, removed, added', () => {
    const v = planToFormValues(plan);
    expect(v.content.criteria.collective).toEqual([
      { id: 'c-0000000a', text: 'Hoàn thành nhiệm vụ' },
      { id: 'c-0000000b', text: 'Đoàn kết' },
    ]);
    expect(v.content.rewards.map((r) => r.id)).toEqual(['r-0000000a', 'r-0000000b']);
    const [first, second] = v.content.criteria.collective;
    const edited = cleanContent({
      ...v.content,
      // Moved and edited, a cleared row (removed) and a new row without an id.
      criteria: {
        collective: [{ ...second, text: 'Đoàn kết tốt' }, first ?? {}, { text: 'Mới' }],
        individual: [{ id: 'c-0000000c', text: '  ' }],
      },
      rewards: [v.content.rewards[1] ?? {}, { form: 'Tặng quà' }],
      quotas: [{ ...v.content.quotas[0], maxPercent: 20 }],
    });
    const body = formValuesToInput({ ...v, content: edited });
    expect(body.content.criteria).toEqual({
      collective: ['Đoàn kết tốt', 'Hoàn thành nhiệm vụ', 'Mới'],
      collectiveIds: ['c-0000000b', 'c-0000000a', null],
      individual: [],
      individualIds: [],
    });
    expect(body.content.rewards?.map((r) => [r.id, r.form])).toEqual([
      ['r-0000000b', 'Bằng khen'],
      [undefined, 'Tặng quà'],
    ]);
    expect(body.content.quotas?.map((q) => [q.id, q.maxPercent])).toEqual([['q-0000000a', 20]]);
    expect(body.content.contest?.prizes?.map((p) => p.id)).toEqual(['p-0000000a']);
  });

  it('drops a reward row left with nothing but its id', () => {
    const c = cleanContent({ ...emptyContentValues(), rewards: [{ id: 'r-0000000a', form: ' ' }] });
    expect(c.rewards).toEqual([]);
  });

  it('sends no contest settings for a campaign plan', () => {
    const body = formValuesToInput({ ...planToFormValues(plan), kind: 'campaign' });
    expect(body.content.contest).toBeNull();
  });

  it('trims text, turns blank optional text into null and a blank signer into none', () => {
    const v: PlanFormValues = {
      kind: 'campaign',
      mode: undefined,
      docType: 'KH',
      issuerSymbol: '  UBND ',
      place: ' An Bình ',
      title: ' Kế hoạch ',
      periodStart: dayjs('2026-02-03'),
      cascadeUnitIds: [],
      content: {
        ...emptyContentValues(),
        preamble: '   ',
        signer: { authority: ' ', title: '', name: null },
        rewards: [{ form: ' Giấy khen ', issuerTitle: '', amountVnd: Number.NaN }],
        quotas: [{ level: 'Cấp xã', maxPercent: 10 }],
        reviewRounds: [{ label: 'Tổng kết' }],
      },
    };
    const body = formValuesToInput(v);
    expect(body).toMatchObject({
      mode: null,
      issuerSymbol: 'UBND',
      place: 'An Bình',
      title: 'Kế hoạch',
      periodStart: '2026-02-03',
      periodEnd: null,
    });
    expect(body.content).toMatchObject({
      preamble: null,
      signer: null,
      rewards: [{ form: 'Giấy khen', scope: null, issuerTitle: null, amountVnd: null }],
      quotas: [{ scope: 'collective', level: 'Cấp xã', maxCount: null, maxPercent: 10 }],
      reviewRounds: [{ kind: 'annual', label: 'Tổng kết', date: null }],
    });
  });
});

describe('cleanContent', () => {
  it('drops blank lines and rows the user left empty, keeps the rest in order', () => {
    const c = cleanContent({
      ...emptyContentValues(),
      purposes: ['Một', '  ', '', 'Hai'],
      rewards: [{ form: '' }, { form: 'Giấy khen' }, { form: ' ', scope: null, note: undefined }],
      dossier: [
        { level: 'Cấp huyện', items: ['Tờ trình', ' '] },
        { level: '', items: ['', ' '] },
      ],
      recipients: ['', 'Lưu: VT'],
      contest: { topics: [' ', 'Chủ đề'], prizes: [{}], entryQuotas: [] },
    });
    expect(c.purposes).toEqual(['Một', 'Hai']);
    expect(c.rewards).toEqual([{ form: 'Giấy khen' }]);
    expect(c.dossier).toEqual([{ level: 'Cấp huyện', items: ['Tờ trình'] }]);
    expect(c.recipients).toEqual(['Lưu: VT']);
    expect(c.contest.topics).toEqual(['Chủ đề']);
    expect(c.contest.prizes).toEqual([]);
  });

  it('a row with any value is kept', () => {
    const c = cleanContent({ ...emptyContentValues(), quotas: [{ maxCount: 0 }] });
    expect(c.quotas).toHaveLength(1);
  });
});

describe('server errors onto form fields', () => {
  it.each([
    ['content.rewards.0.amountVnd', 'rewards', ['content', 'rewards', 0, 'amountVnd']],
    ['content.legalBases.2.text', 'bases', ['content', 'legalBases', 2, 'text']],
    ['content.signer.title', 'closing', ['content', 'signer', 'title']],
    ['content.contest.prizes.1.rank', 'contest', ['content', 'contest', 'prizes', 1, 'rank']],
    ['content.quotas.0.maxCount', 'rewards', ['content', 'quotas', 0, 'maxCount']],
    ['content.quotas.0.id', 'rewards', ['content', 'quotas', 0, 'id']],
    ['content.criteria.individual.2', 'criteria', ['content', 'criteria', 'individual', 2, 'text']],
    [
      'content.criteria.collectiveIds.1',
      'criteria',
      ['content', 'criteria', 'collective', 1, 'text'],
    ],
    ['content', 'general', ['content']],
    ['content.unknown', 'general', ['content', 'unknown']],
    ['cascadeUnitIds.3', 'cascade', ['cascadeUnitIds', 3]],
    ['registrationDeadline', 'time', ['registrationDeadline']],
    ['title', 'general', ['title']],
  ] as const)('%s → section %s', (field, section, namePath) => {
    expect(sectionOf(field)).toBe(section);
    expect(toNamePath(field)).toEqual(namePath);
  });
});
