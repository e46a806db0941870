import { z } from 'zod';
import {
  attendanceStatuses,
  ballotChoices,
  councilRoles,
  meetingStatuses,
  minutesKinds,
  meetingSubjectKinds,
  thresholdKinds,
} from '../councils';
import { dateOnly, id, IdParams, isoDate, optionalText, refId, text } from './fields';
import { defineEndpoint } from './endpoint';

/**
 * Councils (Hội đồng TĐKT), review meetings, attendance and the secret ballot (decision 039):
 * request and response schemas and the endpoints (decision 027). Enums, labels and the dated
 * default settings are shared/councils.ts.
 */

const percent = z.number().int().min(1).max(100);
const count = z.number().int().min(0).max(10_000);

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** A member: a person of the unit's subtree and/or a user account (needed to vote in the app). */
export const CouncilMemberFields = z.object({
  personId: refId.nullable().default(null),
  userId: refId.nullable().default(null),
  fullName: text(200),
  role: z.enum(councilRoles),
});

/** GET /api/councils: the councils the caller manages, votes in or sits on (of one unit's subtree). */
export const CouncilQuery = z.object({ unitId: id.optional() });

/** POST /api/councils: a council of a unit for a term, with its members. */
export const NewCouncil = z.object({
  unitId: refId,
  name: text(300),
  termFrom: isoDate,
  termTo: isoDate,
  members: z.array(CouncilMemberFields).min(1).max(200),
});
export type NewCouncilInput = z.input<typeof NewCouncil>;

/** POST /api/councils/:id/meetings: a review meeting; the quorum defaults to the setting (80 %). */
export const NewMeeting = z.object({
  title: text(300),
  heldOn: isoDate,
  quorumPercent: percent.nullable().default(null),
  /** Where (for the minutes). */
  place: optionalText(300),
  /** From when, 'HH:MM' (for the minutes). */
  startsAt: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/u, 'phải có dạng giờ:phút, ví dụ 08:00')
    .nullable()
    .default(null),
});
export type NewMeetingInput = z.input<typeof NewMeeting>;

/** PUT /api/meetings/:id/attendance: one entry per member (members left out are absent). */
export const AttendanceFields = z.object({
  entries: z
    .array(
      z.object({
        memberId: refId,
        status: z.enum(attendanceStatuses),
        /** The written opinion of an absent member (required for absent_with_opinion). */
        opinion: optionalText(5000),
      }),
    )
    .max(200),
});
export type AttendanceInput = z.input<typeof AttendanceFields>;

/**
 * POST /api/meetings/:id/items: what is voted on — a generic subject (kind, id, label; e.g. a
 * nomination) — and the threshold it is voted under (its percent: the setting, or given).
 */
export const NewMeetingItem = z.object({
  subjectKind: z.enum(meetingSubjectKinds),
  subjectId: refId,
  label: text(500),
  thresholdKind: z.enum(thresholdKinds),
  thresholdPercent: percent.nullable().default(null),
});
export type NewMeetingItemInput = z.input<typeof NewMeetingItem>;

/** PUT /api/councils/:id/members: the whole membership; a listed `id` keeps that member. */
export const CouncilMembersFields = z.object({
  members: z
    .array(CouncilMemberFields.extend({ id: refId.nullable().default(null) }))
    .min(1)
    .max(200),
});
export type CouncilMembersInput = z.input<typeof CouncilMembersFields>;

/**
 * POST /api/meetings/:id/nominations: puts nominations received at the council's unit on the
 * agenda, each under the threshold of its form (decision 044).
 */
export const AddNominations = z.object({ nominationIds: z.array(refId).min(1).max(500) });
export type AddNominationsInput = z.input<typeof AddNominations>;

/** POST /api/meeting-items/:id/tally: the counts from the paper ballots (total ≤ members). */
export const PaperTally = z.object({ yes: count, no: count, abstain: count });
export type PaperTallyInput = z.input<typeof PaperTally>;

/** POST /api/meeting-items/:id/vote: a member's secret vote. */
export const CastVote = z.object({ choice: z.enum(ballotChoices) });
export type CastVoteInput = z.input<typeof CastVote>;

// ── Responses ───────────────────────────────────────────────────────────────────────────────

export const CouncilMemberRow = z.object({
  id: z.number().int(),
  personId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  fullName: z.string(),
  role: z.enum(councilRoles),
});

export const MeetingSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  heldOn: dateOnly,
  status: z.enum(meetingStatuses),
});

export const CouncilSummary = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  termFrom: dateOnly,
  termTo: dateOnly,
});

export const CouncilList = z.object({ items: z.array(CouncilSummary) }).meta({ id: 'CouncilList' });
export type CouncilList = z.infer<typeof CouncilList>;

export const CouncilDetail = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    name: z.string(),
    termFrom: dateOnly,
    termTo: dateOnly,
    members: z.array(CouncilMemberRow),
    meetings: z.array(MeetingSummary),
    canManage: z.boolean(),
  })
  .meta({ id: 'CouncilDetail' });
export type CouncilDetail = z.infer<typeof CouncilDetail>;

export const MeetingItemRow = z.object({
  id: z.number().int(),
  position: z.number().int(),
  subject: z.object({ kind: z.string(), id: z.number().int(), label: z.string() }),
  threshold: z.object({
    kind: z.enum(thresholdKinds),
    comparison: z.enum(['at_least', 'more_than']),
    percent: z.number().int(),
    label: z.string(),
  }),
  tallySource: z.enum(['paper', 'app']).nullable(),
  /** How many members voted in the app (who: never with their choice). */
  ballotsCast: z.number().int(),
  /** The counts: a paper tally as entered; in-app ballots only once the meeting is closed. */
  tally: z
    .object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int() })
    .nullable(),
  passed: z.boolean().nullable(),
  explanation: z.string().nullable(),
  /** Whether the caller has voted on this item. */
  voted: z.boolean(),
});

export const MeetingDetail = z
  .object({
    id: z.number().int(),
    councilId: z.number().int(),
    councilName: z.string(),
    title: z.string(),
    heldOn: dateOnly,
    status: z.enum(meetingStatuses),
    place: z.string().nullable(),
    startsAt: z.string().nullable(),
    quorumPercent: z.number().int(),
    memberCount: z.number().int(),
    quorum: z.object({ met: z.boolean(), needed: z.number().int(), explanation: z.string() }),
    members: z.array(
      CouncilMemberRow.extend({
        attendance: z.enum(attendanceStatuses).nullable(),
        opinion: z.string().nullable(),
      }),
    ),
    items: z.array(MeetingItemRow),
    permissions: z.object({ manage: z.boolean(), vote: z.boolean() }),
  })
  .meta({ id: 'MeetingDetail' });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** A nomination received at the council's unit, as a candidate for the agenda. */
export const AgendaCandidate = z.object({
  nominationId: z.number().int(),
  subjectKind: z.enum(['person', 'unit']),
  subjectName: z.string(),
  formCode: z.string(),
  formName: z.string(),
  proposingUnitName: z.string(),
  achievement: z.string(),
  /** The threshold it would be voted under (by its form). */
  thresholdKind: z.enum(thresholdKinds),
  onAgenda: z.boolean(),
});
export const AgendaCandidates = z
  .object({ items: z.array(AgendaCandidate) })
  .meta({ id: 'AgendaCandidates' });
export type AgendaCandidates = z.infer<typeof AgendaCandidates>;

/** GET /api/meetings/:id/minutes.docx: which minutes. */
export const MinutesQuery = z.object({ kind: z.enum(minutesKinds).default('review') });

const DOCX_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['councils'] as const;

export const councilEndpoints = {
  listCouncils: defineEndpoint({
    method: 'GET',
    path: '/api/councils',
    summary: 'The councils the caller manages, votes in or sits on, newest term first',
    tags,
    access: 'user',
    query: CouncilQuery,
    response: CouncilList,
  }),
  createCouncil: defineEndpoint({
    method: 'POST',
    path: '/api/councils',
    summary:
      'Creates the emulation and commendation council of a unit for a term, with its members',
    tags,
    access: 'user',
    body: NewCouncil,
    response: CouncilDetail,
    status: 201,
  }),
  getCouncil: defineEndpoint({
    method: 'GET',
    path: '/api/councils/:id',
    summary: 'A council: its members and meetings',
    tags,
    access: 'user',
    params: IdParams.describe('the council'),
    response: CouncilDetail,
  }),
  scheduleMeeting: defineEndpoint({
    method: 'POST',
    path: '/api/councils/:id/meetings',
    summary: 'Schedules a review meeting of a council (the quorum setting is snapshotted)',
    tags,
    access: 'user',
    params: IdParams.describe('the council'),
    body: NewMeeting,
    response: MeetingDetail,
    status: 201,
  }),
  getMeeting: defineEndpoint({
    method: 'GET',
    path: '/api/meetings/:id',
    summary: 'A meeting: attendance, quorum, items and (once closed) results',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    response: MeetingDetail,
  }),
  recordAttendance: defineEndpoint({
    method: 'PUT',
    path: '/api/meetings/:id/attendance',
    summary: "Records the members' attendance and the written opinions of absent members",
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    body: AttendanceFields,
    response: MeetingDetail,
  }),
  addItem: defineEndpoint({
    method: 'POST',
    path: '/api/meetings/:id/items',
    summary: 'Adds a subject to vote on to the agenda, with its threshold snapshotted',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    body: NewMeetingItem,
    response: MeetingDetail,
    status: 201,
  }),
  openMeeting: defineEndpoint({
    method: 'POST',
    path: '/api/meetings/:id/open',
    summary: 'Opens a meeting when the quorum is met (the membership is counted)',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    response: MeetingDetail,
  }),
  enterTally: defineEndpoint({
    method: 'POST',
    path: '/api/meeting-items/:id/tally',
    summary:
      'Enters the paper ballot count of an item (yes, no, abstain; total at most the members)',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting item'),
    body: PaperTally,
    response: MeetingDetail,
  }),
  castVote: defineEndpoint({
    method: 'POST',
    path: '/api/meeting-items/:id/vote',
    summary: "A member's secret vote on an item, once, while the meeting is open",
    tags,
    access: 'user',
    params: IdParams.describe('the meeting item'),
    body: CastVote,
    response: { kind: 'empty', status: 204 },
  }),
  updateMembers: defineEndpoint({
    method: 'PUT',
    path: '/api/councils/:id/members',
    summary: "Replaces a council's membership (members with a meeting record are kept)",
    tags,
    access: 'user',
    params: IdParams.describe('the council'),
    body: CouncilMembersFields,
    response: CouncilDetail,
  }),
  agendaCandidates: defineEndpoint({
    method: 'GET',
    path: '/api/meetings/:id/nomination-candidates',
    summary: "The nominations received at the council's unit, to put on the agenda",
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    response: AgendaCandidates,
  }),
  addNominations: defineEndpoint({
    method: 'POST',
    path: '/api/meetings/:id/nominations',
    summary: 'Puts received nominations on the agenda, each under the threshold of its form',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    body: AddNominations,
    response: MeetingDetail,
    status: 201,
  }),
  minutesDocx: defineEndpoint({
    method: 'GET',
    path: '/api/meetings/:id/minutes.docx',
    summary:
      'The minutes as .docx: biên bản họp xét (kind=review) or biên bản kiểm phiếu (kind=tally); DỰ THẢO until closed',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    query: MinutesQuery,
    response: { kind: 'file', contentType: DOCX_TYPE },
  }),
  closeMeeting: defineEndpoint({
    method: 'POST',
    path: '/api/meetings/:id/close',
    summary: 'Closes a meeting and computes the result of each item on the whole membership',
    tags,
    access: 'user',
    params: IdParams.describe('the meeting'),
    response: MeetingDetail,
  }),
};
