import type { FastifyPluginAsync } from 'fastify';
import type { Route } from './route';
import { demoPages } from './routes/demo-pages';
import { sampleStatusRoute } from './routes/status';

/** The demo platform's pages and the status endpoint over the sample lists: what `npm start` serves. */
export async function demo(): Promise<{ routes: Route[]; plugins: FastifyPluginAsync[] }> {
  return { routes: [demoPages()], plugins: [await sampleStatusRoute()] };
}
