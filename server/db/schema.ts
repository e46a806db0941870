import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Gender, PersonCategory, UnitKind } from '../../shared/org';
import type { Role } from '../../shared/permissions';
import type { CampaignMode, PlanDocType, PlanKind, PlanStatus } from '../../shared/campaign';
import type { SubjectKind } from '../../shared/documents';
import type {
  RegistrationTable,
  CriteriaSetTable,
  CriteriaSetVersionTable,
  ScoreSheetTable,
  ScoreEntryTable,
  ScoreEvidenceTable,
  EvaluationResultTable,
  IndividualCheckTable,
  PlanEvaluationTable,
  ResultsStateTable,
} from './schema-evaluation';
import type {
  AwardFormTable,
  AwardFormVersionTable,
  AwardRoundingTable,
  BaseSalaryTable,
} from './schema-awards';
import type { DisciplineRecordTable, HonourTable } from './schema-honours';
import type {
  NominationAttachmentTable,
  NominationStepTable,
  NominationTable,
} from './schema-nominations';
import type { DossierRequestTable, DossierTextTable } from './schema-dossiers';
import type {
  BallotCastTable,
  BallotVoteTable,
  CouncilMeetingTable,
  CouncilMemberTable,
  CouncilTable,
  MeetingAttendanceTable,
  MeetingItemTable,
} from './schema-councils';
import type {
  AwardDecisionRowTable,
  AwardDecisionTable,
  GoldenBookSeriesTable,
} from './schema-award-decisions';

export type * from './schema-evaluation';
export type * from './schema-awards';
export type * from './schema-honours';
export type * from './schema-nominations';
export type * from './schema-dossiers';
export type * from './schema-certificates';
import type { CertificateTemplateTable } from './schema-certificates';
export type * from './schema-award-decisions';

/** Kysely's view of the database (camelCase through CamelCasePlugin). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type ReadOnly<T> = ColumnType<T, never, never>;

export interface OrgUnitTable {
  id: Generated<number>;
  parentId: number | null;
  path: string;
  provinceId: number | null;
  kind: UnitKind;
  name: string;
  /** The name, with ancestors' names where another unit of the tree bears it (organization module). */
  displayName: string;
  adminCode: string | null;
  active: Generated<boolean>;
  nameSearch: ReadOnly<string>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PersonTable {
  id: Generated<number>;
  unitId: number;
  provinceId: number | null;
  fullName: string;
  givenName: ReadOnly<string>;
  nameSearch: ReadOnly<string>;
  gender: Gender | null;
  birthYear: number | null;
  category: PersonCategory;
  position: string | null;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PersonAssignmentTable {
  id: Generated<number>;
  personId: number;
  unitId: number;
  position: string | null;
  startedOn: string;
  endedOn: string | null;
}

export interface UserAccountTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  personId: number | null;
  active: Generated<boolean>;
  lastLoginAt: Date | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<number>;
  userId: number;
  role: Role;
  unitId: number | null;
  grantedBy: number | null;
  grantedAt: Timestamp;
}

export interface UserSessionTable {
  id: string;
  userId: number;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitPath: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  /** Chain position, hashes and hash format: NULL until the sealer seals the event (decision 032). */
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
  hashVersion: number | null;
  /** The database's clock at insert (NULL for events stored before migration 0019). */
  recordedAt: Generated<Date | null>;
}

export interface StoredFileTable {
  id: Generated<string>;
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: number | null;
  createdAt: Timestamp;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  status: Generated<JobStatus>;
  payload: unknown;
  progress: Generated<number>;
  total: Generated<number>;
  message: string | null;
  result: unknown;
  error: unknown;
  attempts: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
}

export interface CampaignPlanTable {
  id: Generated<number>;
  issuingUnitId: number;
  provinceId: number | null;
  kind: PlanKind;
  mode: CampaignMode | null;
  status: Generated<PlanStatus>;
  docType: Generated<PlanDocType>;
  issuerSymbol: Generated<string>;
  number: number | null;
  numberYear: number | null;
  documentNumber: string | null;
  issuedOn: string | null;
  issuedAt: Date | null;
  issuedBy: number | null;
  place: string;
  title: string;
  titleSearch: ReadOnly<string>;
  /** f_norm of the document number (as written and with dashes) and the title. */
  searchText: ReadOnly<string>;
  periodStart: string | null;
  periodEnd: string | null;
  registrationDeadline: string | null;
  parentPlanId: number | null;
  cascadeDeadline: string | null;
  /** PlanContent (shared/campaign.ts), written as JSON text. */
  content: ColumnType<unknown, string, string>;
  version: Generated<number>;
  documentVersion: Generated<number>;
  cancelledReason: string | null;
  /** An imported draft's review ({ confirmed: string[] } as JSON text); null when not imported. */
  importReview: ColumnType<unknown, string | null | undefined, string | null>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CampaignPlanVersionTable {
  planId: number;
  version: number;
  snapshot: ColumnType<unknown, string, string>;
  reason: string;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface CampaignPlanCarriedSectionTable {
  planId: number;
  section: string;
  adapted: Generated<boolean>;
  reviewedAt: Date | null;
  reviewedBy: number | null;
}

export interface CampaignCascadeUnitTable {
  planId: number;
  unitId: number;
}

export interface DocumentSeriesTable {
  unitId: number;
  docType: string;
  issuerSymbol: string;
  year: number;
  lastNumber: number;
}

/** Generated files keyed by what they were generated from (decision 024). */
export interface GeneratedDocumentTable {
  id: Generated<number>;
  subjectKind: import('../../shared/documents').GeneratedKind;
  subjectId: number;
  subjectVersion: number;
  format: 'docx' | 'pdf';
  fileId: string;
  createdAt: Timestamp;
}

/** The register of outgoing documents: one row per number of a series (decision 024). */
export interface DocumentRegisterEntryTable {
  id: Generated<number>;
  unitId: number;
  year: number;
  docType: string;
  issuerSymbol: string;
  number: number;
  subjectKind: SubjectKind | null;
  subjectId: number | null;
  summary: string | null;
  summarySearch: ReadOnly<string>;
  status: 'reserved' | 'issued' | 'cancelled';
  reason: string | null;
  issuedOn: string | null;
  createdBy: number | null;
  createdAt: Timestamp;
  cancelledBy: number | null;
  cancelledAt: Timestamp | null;
}

export interface NotificationTable {
  id: Generated<number>;
  unitId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dueOn: string | null;
  dedupeKey: string;
  createdAt: Timestamp;
  /** The user whose action caused it (never notified of it); null for the system. */
  actorUserId: number | null;
}

export interface NotificationReadTable {
  notificationId: number;
  userId: number;
  readAt: Timestamp;
}

export interface Database {
  orgUnit: OrgUnitTable;
  person: PersonTable;
  personAssignment: PersonAssignmentTable;
  userAccount: UserAccountTable;
  roleGrant: RoleGrantTable;
  userSession: UserSessionTable;
  auditEvent: AuditEventTable;
  storedFile: StoredFileTable;
  job: JobTable;
  campaignPlan: CampaignPlanTable;
  campaignPlanVersion: CampaignPlanVersionTable;
  campaignCascadeUnit: CampaignCascadeUnitTable;
  campaignPlanCarriedSection: CampaignPlanCarriedSectionTable;
  documentSeries: DocumentSeriesTable;
  generatedDocument: GeneratedDocumentTable;
  documentRegisterEntry: DocumentRegisterEntryTable;
  notification: NotificationTable;
  notificationRead: NotificationReadTable;
  registration: RegistrationTable;
  criteriaSet: CriteriaSetTable;
  criteriaSetVersion: CriteriaSetVersionTable;
  scoreSheet: ScoreSheetTable;
  scoreEntry: ScoreEntryTable;
  scoreEvidence: ScoreEvidenceTable;
  evaluationResult: EvaluationResultTable;
  individualCheck: IndividualCheckTable;
  planEvaluation: PlanEvaluationTable;
  resultsState: ResultsStateTable;
  awardForm: AwardFormTable;
  awardFormVersion: AwardFormVersionTable;
  baseSalary: BaseSalaryTable;
  awardRounding: AwardRoundingTable;
  honour: HonourTable;
  disciplineRecord: DisciplineRecordTable;
  nomination: NominationTable;
  nominationStep: NominationStepTable;
  nominationAttachment: NominationAttachmentTable;
  council: CouncilTable;
  councilMember: CouncilMemberTable;
  councilMeeting: CouncilMeetingTable;
  meetingAttendance: MeetingAttendanceTable;
  meetingItem: MeetingItemTable;
  ballotCast: BallotCastTable;
  ballotVote: BallotVoteTable;
  dossierRequest: DossierRequestTable;
  dossierText: DossierTextTable;
  certificateTemplate: CertificateTemplateTable;
  awardDecision: AwardDecisionTable;
  awardDecisionRow: AwardDecisionRowTable;
  goldenBookSeries: GoldenBookSeriesTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type PersonRow = Selectable<PersonTable>;
export type UserAccountRow = Selectable<UserAccountTable>;
export type RoleGrantRow = Selectable<RoleGrantTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type JobRow = Selectable<JobTable>;
