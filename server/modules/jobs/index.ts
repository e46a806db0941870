export { registerJobRoutes } from './jobs.routes';
