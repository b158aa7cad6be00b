import type { Route } from './route';
import { demoPages } from './routes/demo-pages';
import { sampleStatusRoute } from './routes/status';

/** Routes of the demo platform and the status endpoint; grows as those land. */
export async function demoRoutes(): Promise<Route[]> {
  return [demoPages(), await sampleStatusRoute()];
}
