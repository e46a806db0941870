/** The home page's to-do list and upcoming deadlines: reads composed from the other modules. */
export { registerHomeRoutes } from './home.routes';
export { getMyTodo, type MyTodo } from './home.service';
