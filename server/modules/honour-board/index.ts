/**
 * The public honour board (bảng vinh danh, issue 12 item 11, decision 047): issued award
 * decisions and their awardees for everyone, read through award-decisions' index. The only file
 * other modules may import.
 */
export { registerHonourBoardRoutes } from './honour-board.routes';
export { listHonourBoard, honourBoardDecisionPdf } from './honour-board.service';
