import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../platform/context';
import { addDays, vietnamDate } from '../../shared/dates';
import {
  closePlan,
  createPlan,
  draftFromReading,
  issuePlan,
  readPlanText,
  recordIssuedPlan,
  startChildPlan,
} from '../modules/campaigns/index';

/**
 * Demo plans: the five seed plans read by the plan reader into the units that issued them (the
 * three with a number recorded as issued on paper, the two with a blank number left as drafts;
 * on a test clock set in the past, those issued after that day stay drafts too),
 * and a live district plan whose communes are following it, so the cascade board and the deadline
 * reminders have something to show. Dates of the live plan are relative to today.
 */

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../modules/campaigns/plan-reader/fixtures/seeds',
);

const seedUnits: Record<string, string> = {
  '000': 'Tỉnh Hải Dương › Huyện Cẩm Giàng › Xã Lương Điền',
  '001': 'Tỉnh Tây Ninh › Huyện Châu Thành',
  '002': 'Tỉnh Kiên Giang › Huyện An Biên',
  '003': 'Tỉnh Bình Thuận › Thành phố Phan Thiết › Phường Tiền Thành',
  '004': 'Tỉnh Hà Tĩnh › Thị xã Hồng Lĩnh › Phường Trung Lương',
};

export async function seedDemoPlans(ctx: Ctx, unitIds: Map<string, number>): Promise<number> {
  const unit = (p: string) => {
    const id = unitIds.get(p);
    if (id === undefined) throw new Error(`demo plans: unknown unit ${p}`);
    return id;
  };
  let plans = 0;
  const today = vietnamDate(ctx.now());
  for (const file of fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const key = file.slice(0, 3);
    const unitPath = seedUnits[key];
    if (unitPath === undefined) continue;
    const reading = readPlanText(fs.readFileSync(path.join(fixtures, file), 'utf8'));
    const draft = await draftFromReading(ctx, reading.result);
    const issuingUnitId = unit(unitPath);
    const children =
      key === '001'
        ? [...unitIds].filter(
            ([p]) => p.startsWith(`${unitPath} › `) && p.split(' › ').length === 3,
          )
        : [];
    const plan = await createPlan(ctx, {
      ...draft,
      issuingUnitId,
      place: draft.place ?? unitPath.split(' › ').at(-1) ?? 'Việt Nam',
      title: draft.title ?? `Kế hoạch ${file}`,
      parentPlanId: null,
      cascadeUnitIds: children
        .filter(([p]) => /› (Xã|Thị trấn|Phường) /.test(p))
        .map(([, id]) => id),
    });
    plans++;
    const found = reading.result;
    // A plan issued after "today" (a server replaying a past year on a test clock) stays a draft.
    if (found.documentNumber !== null && found.issuedOn !== null && found.issuedOn <= today) {
      const recorded = await recordIssuedPlan(ctx, plan.id, {
        version: plan.version,
        documentNumber: found.documentNumber,
        issuedOn: found.issuedOn,
      });
      // Campaigns of past years have had their final review: close them.
      if (recorded.status === 'in_review')
        await closePlan(ctx, plan.id, { version: recorded.version });
    }
  }

  // A live plan of Huyện Châu Thành, issued six days ago, that its communes must follow in 5 days.
  const district = unit('Tỉnh Tây Ninh › Huyện Châu Thành');
  const communes = [...unitIds]
    .filter(([p]) => /^Tỉnh Tây Ninh › Huyện Châu Thành › (Xã|Thị trấn) [^›]+$/.test(p))
    .map(([, id]) => id);
  const live = await createPlan(ctx, {
    issuingUnitId: district,
    kind: 'campaign',
    mode: 'thematic',
    place: 'Châu Thành',
    title: `Phát động phong trào thi đua đẩy mạnh cải cách hành chính, chuyển đổi số trên địa bàn huyện năm ${Number(today.slice(0, 4)) + 1}`,
    periodStart: addDays(today, -6),
    periodEnd: `${Number(today.slice(0, 4)) + 1}-12-31`,
    registrationDeadline: addDays(today, 24),
    cascadeDeadline: addDays(today, 5),
    cascadeUnitIds: communes,
    content: {
      theme: 'Cải cách hành chính, chuyển đổi số vì người dân và doanh nghiệp',
      purposes: ['Tạo khí thế thi đua sôi nổi trong thực hiện nhiệm vụ cải cách hành chính.'],
      contents: [
        'Thi đua nâng cao tỷ lệ hồ sơ trực tuyến toàn trình.',
        'Thi đua giải quyết thủ tục hành chính đúng hạn, không để trễ hẹn.',
        'Thi đua đề xuất sáng kiến, giải pháp cải cách hành chính.',
      ],
      participants: {
        collectiveUnitKinds: ['commune', 'township', 'department'],
        collectives: ['UBND các xã, thị trấn', 'Các phòng, ban chuyên môn thuộc UBND huyện'],
        individualCategories: ['can_bo', 'cong_chuc'],
        individuals: ['Cán bộ, công chức thuộc các tập thể trên'],
      },
      criteria: {
        collective: ['Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên'],
        individual: ['Hoàn thành xuất sắc nhiệm vụ được giao'],
      },
      rewards: [
        {
          form: 'Giấy khen',
          scope: 'collective',
          issuerTitle: 'Chủ tịch UBND huyện',
          coefficient: 0.6,
        },
        {
          form: 'Giấy khen',
          scope: 'individual',
          issuerTitle: 'Chủ tịch UBND huyện',
          coefficient: 0.3,
        },
      ],
      quotas: [
        { scope: 'collective', level: 'Giấy khen của Chủ tịch UBND huyện', maxCount: 2 },
        { scope: 'individual', level: 'Giấy khen của Chủ tịch UBND huyện', maxPercent: 20 },
      ],
      recipients: ['Ban TĐKT tỉnh', 'TT Huyện ủy, HĐND huyện', 'UBND các xã, thị trấn', 'Lưu: VT'],
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Ngọc Ân' },
    },
  });
  const issued = await issuePlan(ctx, live.id, {
    version: live.version,
    issuedOn: addDays(today, -6),
  });
  plans++;
  // Hảo Đước has issued its own plan, An Bình is drafting, the others (Thái Bình, whose officer
  // is a demo account, among them) have not started and get the deadline reminders.
  const haoDuoc = unit('Tỉnh Tây Ninh › Huyện Châu Thành › Xã Hảo Đước');
  const child = await startChildPlan(ctx, issued.id, { unitId: haoDuoc });
  // Issued as its head did two days ago, without marking each carried-over section reviewed.
  await issuePlan(ctx, child.id, {
    version: child.version,
    issuedOn: addDays(today, -2),
    acknowledgeUnreviewed: true,
  });
  await startChildPlan(ctx, issued.id, {
    unitId: unit('Tỉnh Tây Ninh › Huyện Châu Thành › Xã An Bình'),
  });
  return plans + 2;
}
