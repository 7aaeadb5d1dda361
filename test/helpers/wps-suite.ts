/**
 * What the WPS browser suites (and the WPS benchmark) share: the add-in built with its WPS
 * part into a temporary folder, the REAL service serving it (the WPS add-in under /wps/),
 * and Debian's Chromium with a page over the WPS stand-in seeded with `seed`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildAddin } from '../../addin/build/build.js';
import { buildWpsAddin } from '../../addin/wps/build-wps.js';
import { launchChromium } from './chromium.js';
import { startService, type ServiceProcess } from './service-process.js';
import { wpsStubScript, type WpsSeed } from './wps-stub.js';

export interface WpsSuite {
  service: ServiceProcess;
  browser: Awaited<ReturnType<typeof launchChromium>>;
  /** A new page over the stand-in, not yet navigated (so the caller can listen first). */
  newPage(seed: WpsSeed): Promise<Page>;
  stop(): Promise<void>;
}

export async function startWpsSuite(env: Record<string, string> = {}): Promise<WpsSuite> {
  const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
  await buildWpsAddin(path.join(addinDir, 'wps'));
  const service = await startService({ EDU_ADDIN_DIR: addinDir, ...env });
  const browser = await launchChromium();
  return {
    service,
    browser,
    newPage: async (seed) => {
      const page = await browser.context.newPage();
      await page.addInitScript(wpsStubScript(seed));
      return page;
    },
    stop: async () => {
      await browser.close();
      await service.stop();
    },
  };
}
