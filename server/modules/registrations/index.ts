/** Registration (đăng ký thi đua) of collectives and individuals to a campaign plan. */
export { registerRegistrationRoutes } from './registrations.routes';
export { registerForPlan, registerStaffInBulk } from './registrations.service';
export {
  approveRegistration,
  getRegistrationDetail,
  returnRegistration,
  resubmitRegistration,
  reviewRegistrationsInBulk,
  updateRegistration,
  withdrawRegistration,
} from './review.service';
export { listPlanRegistrations, registrationProgress } from './lists.service';
export {
  listPlansToRegister,
  listReviewQueue,
  type OpenPlan,
  type ReviewQueue,
} from './todo.queries';
