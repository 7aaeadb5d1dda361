/**
 * Serves the built add-in (task pane page, functions bundle, functions.json, icons, help
 * page, manifest) beside the API, and office.js from the pinned @microsoft/office-js
 * package under /office-js/ (so the add-in does not depend on reaching a CDN). A deployment
 * may load office.js from a CDN instead (office-js-source.ts): the HTML pages are then
 * served with their script reference pointed there. Excel on the web fetches functions.json
 * cross-origin, so these files carry Access-Control-Allow-Origin.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import { OFFICE_JS_SOURCES, withOfficeJs } from './office-js-source.js';

const require = createRequire(import.meta.url);

export function officeJsDir(): string {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

export function addinStatic(dir: string, officeJs: string = OFFICE_JS_SOURCES.local): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });
  router.get('/', (_req, res) => res.redirect('/taskpane.html'));
  router.use('/office-js', express.static(officeJsDir(), { index: false, maxAge: '1d' }));
  if (officeJs !== OFFICE_JS_SOURCES.local) {
    router.get(/^\/[\w-]+\.html$/, async (req, res, next) => {
      const html = await readFile(path.join(dir, req.path), 'utf8').catch(() => undefined);
      if (html === undefined) return next();
      res.type('html').send(withOfficeJs(html, officeJs));
    });
  }
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  return router;
}
