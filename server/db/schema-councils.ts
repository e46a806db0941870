import type { ColumnType, Generated } from 'kysely';
import type {
  AttendanceStatus,
  BallotChoice,
  CouncilRole,
  MeetingStatus,
  ThresholdKind,
} from '../../shared/councils';

/**
 * Kysely's view of councils, meetings and ballots (migration 0024, decision 039).
 * Re-exported by schema.ts, which assembles the `Database` interface.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CouncilTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  termFrom: string;
  termTo: string;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface CouncilMemberTable {
  id: Generated<number>;
  councilId: number;
  personId: number | null;
  userId: number | null;
  fullName: string;
  role: CouncilRole;
}

export interface CouncilMeetingTable {
  id: Generated<number>;
  councilId: number;
  title: string;
  heldOn: string;
  status: Generated<MeetingStatus>;
  quorumPercent: number;
  memberCount: number | null;
  /** Migration 0028: where and from when (HH:MM) the meeting is held. */
  place: string | null;
  startsAt: string | null;
  openedAt: Timestamp | null;
  closedAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface MeetingAttendanceTable {
  meetingId: number;
  memberId: number;
  status: AttendanceStatus;
  opinion: string | null;
}

export interface MeetingItemTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  subjectKind: string;
  subjectId: number;
  label: string;
  thresholdKind: ThresholdKind;
  thresholdComparison: 'at_least' | 'more_than';
  thresholdPercent: number;
  thresholdLabel: string;
  tallySource: 'paper' | 'app' | null;
  tallyYes: number | null;
  tallyNo: number | null;
  tallyAbstain: number | null;
  passed: boolean | null;
  explanation: string | null;
}

export interface BallotCastTable {
  meetingItemId: number;
  memberId: number;
}

export interface BallotVoteTable {
  id: Generated<string>;
  meetingItemId: number;
  choice: BallotChoice;
}
