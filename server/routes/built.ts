import { resolve } from 'node:path';
import type { Route } from '../route';
import { serveStatic } from '../static';
import { PACKAGE_ROOT } from '../package-root';

const ROOT = PACKAGE_ROOT;

/** The built widget under /widget/ and the built extensions (unpacked and zipped) under /extension/. */
export const builtFiles: Route = (req, res, url) => {
  if (url.pathname.startsWith('/widget/')) {
    serveStatic(resolve(ROOT, 'dist/widget'), url.pathname.slice('/widget'.length), req, res, { 'access-control-allow-origin': '*' });
    return true;
  }
  if (url.pathname.startsWith('/extension/')) {
    serveStatic(resolve(ROOT, '.output'), url.pathname.slice('/extension'.length), req, res);
    return true;
  }
  return false;
};
