/**
 * Serves the built add-in (task pane page, functions bundle, functions.json, icons,
 * manifest) beside the API. Excel on the web fetches functions.json cross-origin, so the
 * add-in's files carry an Access-Control-Allow-Origin header.
 */
import express, { type RequestHandler } from 'express';

export function addinStatic(dir: string): RequestHandler {
  const files = express.static(dir, { index: false, fallthrough: true, maxAge: 0 });
  return (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    files(req, res, next);
  };
}
