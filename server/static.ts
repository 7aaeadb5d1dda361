/**
 * Serves the built add-in (task pane page, functions bundle, functions.json, icons, help
 * page, manifest) beside the API, and office.js from the pinned @microsoft/office-js
 * package under /office-js/ (so the add-in does not depend on reaching a CDN). Excel on the
 * web fetches functions.json cross-origin, so these files carry Access-Control-Allow-Origin.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);

export function officeJsDir(): string {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

export function addinStatic(dir: string): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });
  router.get('/', (_req, res) => res.redirect('/taskpane.html'));
  router.use('/office-js', express.static(officeJsDir(), { index: false, maxAge: '1d' }));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  return router;
}
