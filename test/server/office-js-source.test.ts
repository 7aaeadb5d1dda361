/**
 * The deployment chooses where office.js comes from (EDU_OFFICE_JS): the local copy by
 * default, Microsoft's CDN, the 21Vianet CDN, or an https address; the task pane page is
 * served pointing at it, and a wrong setting stops the service with the choices named.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { OFFICE_JS_SOURCES } from '../../server/office-js-source.js';

const PAGE = '<html><head><script src="office-js/office.js"></script></head><body>任务窗格</body></html>';

describe('EDU_OFFICE_JS', () => {
  it.each([
    [undefined, 'office-js/office.js'],
    ['local', 'office-js/office.js'],
    ['microsoft', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js'],
    ['china', 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js'],
    ['https://cdn.jyj.example.gov.cn/office/1/office.js', 'https://cdn.jyj.example.gov.cn/office/1/office.js'],
  ])('%s -> %s', (setting, url) => {
    expect(readConfig(setting === undefined ? {} : { EDU_OFFICE_JS: setting }, '/srv/edu').officeJs).toBe(url);
  });

  it.each(['cdn', 'http://intranet/office.js', 'https://x/office.js" onload="alert(1)'])('refuses %s, naming the choices', (setting) => {
    expect(() => readConfig({ EDU_OFFICE_JS: setting }, '/srv/edu')).toThrow(/local, microsoft, china, or an https:\/\/ address of office\.js/);
  });
});

describe('the task pane page as served', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'edu-addin-'));
    await writeFile(path.join(dir, 'taskpane.html'), PAGE);
  });

  it('references the local copy by default, which the service serves', async () => {
    const app = createApp({ addinDir: dir });
    const page = await request(app).get('/taskpane.html').expect(200);
    expect(page.text).toContain('src="office-js/office.js"');
    const script = await request(app).get('/office-js/office.js').expect(200);
    expect(script.text.length).toBeGreaterThan(1000);
  });

  it('references the chosen CDN, leaving the rest of the page as it is', async () => {
    const page = await request(createApp({ addinDir: dir, officeJs: OFFICE_JS_SOURCES.china })).get('/taskpane.html').expect(200);
    expect(page.type).toBe('text/html');
    expect(page.text).toBe(PAGE.replace('office-js/office.js', OFFICE_JS_SOURCES.china));
  });
});
