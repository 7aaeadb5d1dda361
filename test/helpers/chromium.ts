/**
 * Debian's Chromium driven by playwright-core, started the way this machine needs it: no
 * network beyond loopback, no first-run or background traffic, a fresh profile each time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.EDU_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'edu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 420, height: 900 },
    locale: 'zh-CN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stub Office, CustomFunctions and OfficeRuntime globals, injected before the page's own
 * scripts: associate() records each handler on window.__edu.associated so the test can
 * call the functions the way Excel would.
 */
export const OFFICE_STUB = `
(() => {
  const associated = {};
  window.__edu = { associated };
  class CfError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  }
  window.CustomFunctions = {
    associate(id, fn) { associated[id] = fn; },
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
  };
  window.Office = {
    onReady(cb) { const info = { host: 'Excel', platform: 'PC' }; if (cb) setTimeout(() => cb(info)); return Promise.resolve(info); },
    actions: { associate() {} },
  };
})();
`;
