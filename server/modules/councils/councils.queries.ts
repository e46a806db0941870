import { sql, type Insertable, type Updateable } from 'kysely';
import { pathInScope, type Scope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { BallotChoice, MeetingStatus } from '../../../shared/councils';
import type {
  CouncilMeetingTable,
  CouncilMemberTable,
  CouncilTable,
  MeetingAttendanceTable,
  MeetingItemTable,
} from '../../db/schema-councils';

/** Councils, meetings and ballots: reads and writes (decision 039). */

export async function findCouncil(db: Executor, id: number) {
  return db
    .selectFrom('council')
    .innerJoin('orgUnit', 'orgUnit.id', 'council.unitId')
    .select([
      'council.id',
      'council.unitId',
      'council.name',
      'council.termFrom',
      'council.termTo',
      'orgUnit.path as unitPath',
    ])
    .where('council.id', '=', id)
    .executeTakeFirst();
}
export type CouncilRecord = NonNullable<Awaited<ReturnType<typeof findCouncil>>>;

export function listMembers(db: Executor, councilId: number) {
  return db
    .selectFrom('councilMember')
    .select(['id', 'personId', 'userId', 'fullName', 'role'])
    .where('councilId', '=', councilId)
    .orderBy(sql`array_position(array['chair','vice_chair','secretary','member'], role)`, 'asc')
    .orderBy('id')
    .execute();
}

export function listMeetings(db: Executor, councilId: number) {
  return db
    .selectFrom('councilMeeting')
    .select(['id', 'title', 'heldOn', 'status'])
    .where('councilId', '=', councilId)
    .orderBy('heldOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The people among `ids` with the path of their unit. */
export function listPeoplePaths(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person')
    .innerJoin('orgUnit', 'orgUnit.id', 'person.unitId')
    .select(['person.id', 'orgUnit.path'])
    .where('person.id', 'in', ids)
    .execute();
}

export async function listExistingUsers(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('userAccount').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** The meeting with its council; `lock` takes the meeting row FOR UPDATE or FOR SHARE. */
export async function findMeeting(db: Executor, id: number, lock?: 'update' | 'share') {
  let q = db
    .selectFrom('councilMeeting as m')
    .innerJoin('council as c', 'c.id', 'm.councilId')
    .innerJoin('orgUnit as u', 'u.id', 'c.unitId')
    .select([
      'm.id',
      'm.councilId',
      'm.title',
      'm.heldOn',
      'm.status',
      'm.quorumPercent',
      'm.memberCount',
      'm.place',
      'm.startsAt',
      'm.closedAt',
      'c.name as councilName',
      'c.unitId',
      'u.path as unitPath',
    ])
    .where('m.id', '=', id);
  if (lock === 'update') q = q.forUpdate('m');
  if (lock === 'share') q = q.forShare('m');
  return q.executeTakeFirst();
}
export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function listAttendance(db: Executor, meetingId: number) {
  return db
    .selectFrom('meetingAttendance')
    .select(['memberId', 'status', 'opinion'])
    .where('meetingId', '=', meetingId)
    .execute();
}

export function listItems(db: Executor, meetingId: number) {
  return db
    .selectFrom('meetingItem as i')
    .selectAll('i')
    .select((eb) =>
      eb
        .selectFrom('ballotCast')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('ballotCast.meetingItemId', '=', 'i.id')
        .as('ballotsCast'),
    )
    .where('i.meetingId', '=', meetingId)
    .orderBy('i.position')
    .execute();
}
export type ItemRecord = Awaited<ReturnType<typeof listItems>>[number];

/** The items of a meeting the member has voted on. */
export async function listVotedItems(
  db: Executor,
  meetingId: number,
  memberId: number,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('ballotCast')
    .innerJoin('meetingItem', 'meetingItem.id', 'ballotCast.meetingItemId')
    .select('ballotCast.meetingItemId')
    .where('meetingItem.meetingId', '=', meetingId)
    .where('ballotCast.memberId', '=', memberId)
    .execute();
  return new Set(rows.map((r) => r.meetingItemId));
}

/** The item, locked FOR UPDATE (one vote or tally at a time per item). */
export function lockItem(db: Executor, itemId: number) {
  return db
    .selectFrom('meetingItem')
    .selectAll()
    .where('id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
}

export function findItemMeetingId(db: Executor, itemId: number) {
  return db
    .selectFrom('meetingItem')
    .select('meetingId')
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function hasCast(db: Executor, itemId: number, memberId: number) {
  const row = await db
    .selectFrom('ballotCast')
    .select('memberId')
    .where('meetingItemId', '=', itemId)
    .where('memberId', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countCast(db: Executor, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('ballotCast')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('meetingItemId', '=', itemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Replaces the item's votes with `choices` in a random order, each under a new random id: called
 * with every cast, so all of an item's vote rows were written by the latest cast's transaction
 * and their order and ids say nothing about who cast them (decision 039).
 */
export async function rewriteVotes(
  db: Executor,
  itemId: number,
  choices: BallotChoice[],
): Promise<void> {
  await db.deleteFrom('ballotVote').where('meetingItemId', '=', itemId).execute();
  if (choices.length === 0) return;
  await db
    .insertInto('ballotVote')
    .values(choices.map((choice) => ({ meetingItemId: itemId, choice })))
    .execute();
}

export async function listVoteChoices(db: Executor, itemId: number): Promise<BallotChoice[]> {
  const rows = await db
    .selectFrom('ballotVote')
    .select('choice')
    .where('meetingItemId', '=', itemId)
    .execute();
  return rows.map((r) => r.choice);
}

export function setMeetingStatus(
  db: Executor,
  id: number,
  status: MeetingStatus,
  extra: { memberCount?: number; openedAt?: Date; closedAt?: Date },
) {
  return db
    .updateTable('councilMeeting')
    .set({ status, ...extra })
    .where('id', '=', id)
    .execute();
}

export async function countMembers(db: Executor, councilId: number): Promise<number> {
  const row = await db
    .selectFrom('councilMember')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('councilId', '=', councilId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCouncil(
  db: Executor,
  council: Insertable<CouncilTable>,
  members: Omit<Insertable<CouncilMemberTable>, 'councilId'>[],
): Promise<number> {
  const row = await db
    .insertInto('council')
    .values(council)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('councilMember')
    .values(members.map((m) => ({ ...m, councilId: row.id })))
    .execute();
  return row.id;
}

export function insertMeeting(db: Executor, meeting: Insertable<CouncilMeetingTable>) {
  return db
    .insertInto('councilMeeting')
    .values(meeting)
    .returning(['id', 'quorumPercent'])
    .executeTakeFirstOrThrow();
}

export async function replaceAttendance(
  db: Executor,
  meetingId: number,
  rows: Insertable<MeetingAttendanceTable>[],
): Promise<void> {
  await db.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('meetingAttendance').values(rows).execute();
}

/** Appends an item at the end of the agenda; returns its id. */
export async function insertItem(
  db: Executor,
  item: Omit<Insertable<MeetingItemTable>, 'position'>,
): Promise<number> {
  const last = await db
    .selectFrom('meetingItem')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('meetingId', '=', item.meetingId)
    .executeTakeFirst();
  const row = await db
    .insertInto('meetingItem')
    .values({ ...item, position: Number(last?.p ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateItem(db: Executor, id: number, set: Updateable<MeetingItemTable>) {
  return db.updateTable('meetingItem').set(set).where('id', '=', id).execute();
}

export function insertCast(db: Executor, meetingItemId: number, memberId: number) {
  return db.insertInto('ballotCast').values({ meetingItemId, memberId }).execute();
}

/**
 * Councils whose unit lies in `scope`, or that have the user as a member (by account or person),
 * optionally only those of one unit's subtree; newest term first.
 */
export function listCouncils(
  db: Executor,
  scope: Scope,
  member: { userId: number | null; personId: number | null },
  unitPath: string | null,
) {
  return db
    .selectFrom('council')
    .innerJoin('orgUnit', 'orgUnit.id', 'council.unitId')
    .select([
      'council.id',
      'council.unitId',
      'orgUnit.displayName as unitName',
      'council.name',
      'council.termFrom',
      'council.termTo',
    ])
    .where((eb) =>
      eb.or([
        eb(pathInScope(scope, sql.ref('orgUnit.path')), '=', true),
        eb.exists(
          eb
            .selectFrom('councilMember')
            .select('councilMember.id')
            .whereRef('councilMember.councilId', '=', 'council.id')
            .where((m) =>
              m.or([
                m('councilMember.userId', '=', member.userId ?? -1),
                m('councilMember.personId', '=', member.personId ?? -1),
              ]),
            ),
        ),
      ]),
    )
    .$if(unitPath !== null, (qb) =>
      qb.where(sql<boolean>`${sql.ref('orgUnit.path')} <@ ${unitPath}::ltree`),
    )
    .orderBy('council.termFrom', 'desc')
    .orderBy('council.id', 'desc')
    .limit(500)
    .execute();
}

/**
 * Reclaims the dead versions of vote rows left by the rewrites of a meeting's casts (each holds
 * an earlier state of an item's votes). Outside any transaction; needs the table's owner.
 */
export async function vacuumVotes(db: Executor): Promise<void> {
  await sql`VACUUM ballot_vote`.execute(db);
}

export async function hasOpenMeeting(db: Executor, councilId: number): Promise<boolean> {
  const row = await db
    .selectFrom('councilMeeting')
    .select('id')
    .where('councilId', '=', councilId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

/** Those of `ids` who appear in an attendance or a ballot record. */
export async function listMembersWithRecords(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('councilMember as m')
    .select('m.id')
    .where('m.id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('meetingAttendance as a')
            .select('a.memberId')
            .whereRef('a.memberId', '=', 'm.id'),
        ),
        eb.exists(
          eb.selectFrom('ballotCast as b').select('b.memberId').whereRef('b.memberId', '=', 'm.id'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function deleteMembers(db: Executor, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('councilMember').where('id', 'in', ids).execute();
}

/** Every member back to 'member', so roles can then be reassigned without breaking the indexes. */
export async function resetRoles(db: Executor, councilId: number): Promise<void> {
  await db
    .updateTable('councilMember')
    .set({ role: 'member' })
    .where('councilId', '=', councilId)
    .execute();
}

export async function insertMember(db: Executor, member: Insertable<CouncilMemberTable>) {
  await db.insertInto('councilMember').values(member).execute();
}

export async function updateMember(db: Executor, id: number, set: Updateable<CouncilMemberTable>) {
  await db.updateTable('councilMember').set(set).where('id', '=', id).execute();
}
