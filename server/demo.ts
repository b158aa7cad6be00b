import type { FastifyPluginAsync } from 'fastify';
import type { Route } from './route';
import { demoPages } from './routes/demo-pages';
import { sampleStatusRoute } from './routes/status';
import { demoStatusLists } from './routes/status-lists';

/** The demo platform's pages, the sample issuers' status lists and the status endpoint over the sample lists: what `npm start` serves. */
export async function demo(): Promise<{ routes: Route[]; plugins: FastifyPluginAsync[] }> {
  return { routes: [demoPages(), demoStatusLists()], plugins: [await sampleStatusRoute()] };
}
