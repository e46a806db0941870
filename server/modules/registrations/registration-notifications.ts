import type { Ctx } from '../../platform/context';
import type { Executor, PendingWrite } from '../../platform/db';
import type { PlanRecord } from '../campaigns/index';
import { notificationWrite, notifyUnit, notifyUnitSide } from '../notifications/index';
import type { RegistrationRecord } from './registrations.schemas';
import { registrantName } from './registrations.rules';

/**
 * In-app notifications about registrations, written in the transaction of the change: the plan's
 * issuing unit (whose officer reviews) hears of new and resubmitted registrations; the registering
 * side (the registration's unit and, when nobody there can act, its nearest ancestor that can)
 * hears of approvals and returns. Dedupe keys carry the registration version the change produced.
 */

type Plan = Pick<PlanRecord, 'id' | 'issuingUnitId' | 'documentNumber' | 'title'>;
type Reg = Pick<
  RegistrationRecord,
  'id' | 'kind' | 'unitId' | 'unitName' | 'personName' | 'version' | 'late'
>;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const planLabel = (p: Plan) =>
  `Kế hoạch ${p.documentNumber === null ? '' : `${p.documentNumber} `}"${cut(p.title, 200)}"`;
const link = (p: Plan) => `/plans/${p.id}?tab=registrations`;
const who = registrantName;

/**
 * The notification of new registrations (one per call: a bulk registration is one event), built
 * on the transaction but not sent (the caller sends it with the audit events), or null for none.
 */
export function registeredNotification(
  ctx: Ctx,
  trx: Executor,
  plan: Plan,
  regs: readonly Reg[],
): PendingWrite | null {
  const [first] = regs;
  if (first === undefined) return null;
  const many = regs.length > 1;
  return notificationWrite(
    ctx,
    {
      unitId: plan.issuingUnitId,
      kind: 'registration.submitted',
      title: many
        ? `${first.unitName} đăng ký thi đua cho ${regs.length} cá nhân`
        : `${who(first)} đăng ký thi đua`,
      body: `${planLabel(plan)}: ${many ? 'các đăng ký' : 'đăng ký'} chờ duyệt${
        first.late ? ' (nhận muộn)' : ''
      }.`,
      link: link(plan),
      dueOn: null,
      dedupeKey: many
        ? `registration:${first.id}:bulk:${regs.length}`
        : `registration:${first.id}:submitted:v${first.version}`,
    },
    trx,
  );
}

export type RegistrationEvent =
  { kind: 'resubmitted' } | { kind: 'approved' } | { kind: 'returned'; reason: string };

/** A review step on `reg` (read after the change, so `version` is the new one). */
export async function notifyRegistrationEvent(
  ctx: Ctx,
  trx: Executor,
  plan: Plan,
  reg: Reg,
  event: RegistrationEvent,
): Promise<void> {
  const base = {
    link: link(plan),
    dueOn: null,
    dedupeKey: `registration:${reg.id}:${event.kind}:v${reg.version}`,
  };
  switch (event.kind) {
    case 'resubmitted':
      await notifyUnit(
        ctx,
        {
          ...base,
          unitId: plan.issuingUnitId,
          kind: 'registration.resubmitted',
          title: `${who(reg)} gửi lại đăng ký thi đua`,
          body: `${planLabel(plan)}: đăng ký đã sửa, chờ duyệt.`,
        },
        trx,
      );
      return;
    case 'approved':
      await notifyUnitSide(
        ctx,
        [
          {
            ...base,
            unitId: reg.unitId,
            kind: 'registration.approved',
            title: `Đăng ký thi đua của ${who(reg)} đã được duyệt`,
            body: `${planLabel(plan)}.`,
          },
        ],
        trx,
      );
      return;
    case 'returned':
      await notifyUnitSide(
        ctx,
        [
          {
            ...base,
            unitId: reg.unitId,
            kind: 'registration.returned',
            title: `Đăng ký thi đua của ${who(reg)} bị trả lại`,
            body: `${planLabel(plan)}. Lý do: ${cut(event.reason, 600)} Hãy sửa và gửi lại.`,
          },
        ],
        trx,
      );
      return;
  }
}
