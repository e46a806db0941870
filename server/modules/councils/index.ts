/**
 * Councils (Hội đồng TĐKT) per unit and term, review meetings with attendance and quorum, and
 * the secret ballot per agenda item — paper tally or in-app votes kept apart from who voted
 * (decision 039).
 */
export { registerCouncilRoutes } from './councils.routes';
export { createCouncil, getCouncil, listCouncils, updateCouncilMembers } from './councils.service';
export { addNominationsToAgenda, listAgendaCandidates } from './agenda.service';
export { meetingMinutes } from './minutes.service';
export { renderMinutesDocx, type MinutesInput } from './minutes-docx';
export {
  addMeetingItem,
  closeMeeting,
  getMeeting,
  openMeeting,
  recordAttendance,
  scheduleMeeting,
} from './meetings.service';
export { castVote, enterPaperTally } from './ballots.service';
export {
  ballotOutcome,
  quorumMet,
  votesNeeded,
  type BallotOutcome,
  type Tally,
} from './councils.rules';
