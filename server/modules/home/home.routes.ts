import type { FastifyInstance } from 'fastify';
import { userCtx, type AppDeps } from '../../http/context';
import { route } from '../../http/route';
import { homeEndpoints } from '../../../shared/api/home';
import { getMyTodo } from './home.service';

export function registerHomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  route(app, homeEndpoints.todo, async (req) => getMyTodo(userCtx(deps, req)));
}
