/**
 * Councils (Hội đồng TĐKT) per unit and term, review meetings with attendance and quorum, and
 * the secret ballot per agenda item — paper tally or in-app votes kept apart from who voted
 * (decision 039).
 */
export { registerCouncilRoutes } from './councils.routes';
export {
  addMeetingItem,
  castVote,
  closeMeeting,
  createCouncil,
  enterPaperTally,
  getCouncil,
  getMeeting,
  listCouncils,
  openMeeting,
  recordAttendance,
  scheduleMeeting,
} from './councils.service';
export {
  ballotOutcome,
  quorumMet,
  votesNeeded,
  type BallotOutcome,
  type Tally,
} from './councils.rules';
