import type { MeetingStatus, ThresholdRule } from '../../../shared/councils';

/**
 * Pure rules of a council's review meeting (decision 039): the quorum and the outcome of a secret
 * ballot, both counted on the whole membership, explained in Vietnamese.
 */

export type QuorumCheck = { met: boolean; needed: number; explanation: string };

/**
 * The quorum of a meeting: at least `percent` % of the council's `members` present (absent members
 * who sent a written opinion are not present). A council without members never has a quorum.
 */
export function quorumMet(members: number, present: number, percent: number): QuorumCheck {
  const needed = Math.ceil((members * percent) / 100);
  const met = members > 0 && present * 100 >= members * percent;
  const share = members > 0 ? Math.round((present * 1000) / members) / 10 : 0;
  const explanation =
    members === 0
      ? 'Hội đồng chưa có thành viên.'
      : `${met ? 'Đủ' : 'Không đủ'} số thành viên dự họp: ${present}/${members} thành viên có mặt (${share} %), cần ít nhất ${percent} % tổng số thành viên (${needed} người).`;
  return { met, needed, explanation };
}

export type Tally = { yes: number; no: number; abstain: number };
export type BallotOutcome = {
  passed: boolean;
  /** Yes votes needed out of the whole membership. */
  needed: number;
  explanation: string;
};

/** The smallest number of yes votes out of `total` that satisfies `rule`. */
export function votesNeeded(total: number, rule: Pick<ThresholdRule, 'comparison' | 'percent'>) {
  return rule.comparison === 'at_least'
    ? Math.ceil((total * rule.percent) / 100)
    : Math.floor((total * rule.percent) / 100) + 1;
}

/**
 * The outcome of a secret ballot: the yes votes against the threshold counted on the WHOLE
 * membership (`totalMembers`), never on those present or on the ballots cast (Decree 98/2023
 * Art. 30(7)). Throws a RangeError when the tally counts more ballots than members (the service
 * refuses such a tally first).
 */
export function ballotOutcome(
  totalMembers: number,
  tally: Tally,
  rule: Pick<ThresholdRule, 'comparison' | 'percent' | 'label'>,
): BallotOutcome {
  const cast = tally.yes + tally.no + tally.abstain;
  if (cast > totalMembers) throw new RangeError('more ballots than members');
  const needed = votesNeeded(totalMembers, rule);
  const passed =
    totalMembers > 0 &&
    (rule.comparison === 'at_least'
      ? tally.yes * 100 >= totalMembers * rule.percent
      : tally.yes * 100 > totalMembers * rule.percent);
  const share = totalMembers > 0 ? Math.round((tally.yes * 1000) / totalMembers) / 10 : 0;
  const sign = rule.comparison === 'at_least' ? 'từ' : 'trên';
  const explanation =
    `${passed ? 'Đạt' : 'Không đạt'}: ${tally.yes}/${totalMembers} thành viên Hội đồng đồng ý ` +
    `(${share} % tổng số thành viên; ${tally.no} không đồng ý, ${tally.abstain} không biểu quyết, ` +
    `${totalMembers - cast} không bỏ phiếu). Ngưỡng: ${sign} ${rule.percent} % tổng số thành viên ` +
    `— cần ít nhất ${needed} phiếu đồng ý (${rule.label}).`;
  return { passed, needed, explanation };
}

/** Meeting transitions: scheduled → open → closed, nothing back. */
export function canMoveMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return (from === 'scheduled' && to === 'open') || (from === 'open' && to === 'closed');
}
