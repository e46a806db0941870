import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { getMyTodo } from './home.service';

export function registerHomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/me/todo', async (req) => getMyTodo(userCtx(deps, req)));
}
