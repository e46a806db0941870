export { registerAuthRoutes } from './auth.routes';
export { resolveSession, loadUserActor, sessionIdOf } from './auth.service';
export { createAccount, createAdministrator, grantRole } from './accounts.service';
export { hashPassword } from './password';
export { deleteExpiredSessions } from './auth.queries';
