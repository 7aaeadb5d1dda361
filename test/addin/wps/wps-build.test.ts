/**
 * The WPS add-in's generated parts follow the registry (like functions.json for Excel), the
 * built main.js registers exactly the registry under EDU and answers synchronously, the
 * ribbon's buttons all do something, and `wpsjs build` makes the offline package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_TEXT } from '../../../addin/wps/cell-values.js';
import { buildWpsAddin, OFFLINE_PACKAGE, packOffline, WPSJS_CLI } from '../../../addin/wps/build-wps.js';
import { ribbonCallbacks } from '../../../addin/wps/ribbon.js';
import type { AnswerBoard } from '../../../addin/wps/answer-board.js';
import type { WpsApplication } from '../../../addin/wps/wps-api.js';
import { jspluginsXml, RIBBON_BUTTONS, ribbonXml, wpsFunctionList, wpsMetadata, wpsTaskpaneHtml } from '../../../addin/wps/wps-files.js';
import { catalog } from '../../../formulas/catalog.js';
import { bundleSandbox } from '../../helpers/bundle-sandbox.js';
import { PARAM_NAMES_ZH } from '../../../formulas/param-names.js';

const root = path.join(import.meta.dirname, '..', '..', '..');
/** The packaging test needs the wpsjs devDependency; under CI=true it runs (and fails) without it. */
const canPack = existsSync(WPSJS_CLI) || process.env.CI === 'true';
if (!canPack) process.stdout.write('skipped: packing the WPS offline package needs the wpsjs devDependency — npm install\n');
const entries = catalog();

describe('the WPS metadata follows the registry', () => {
  it('APPORTION, written out: Chinese parameter names, ranges as 2-D arrays, optionals marked "?"', () => {
    const e = entries.find((x) => x.id === 'APPORTION')!;
    const m = wpsMetadata(e);
    expect(m.parameters.map((p) => `${p.name}:${p.type}`)).toEqual(['名额总数:number', '权重:number[][]', '分配方法:string?', '最少名额:any[][]?', '最多名额:any[][]?']);
    expect(m.result.type).toBe('number[][]');
    expect(m.description).toContain(e.rounding.zh);
  });

  it('every function: one parameter per registry parameter, in order, with its kind', () => {
    for (const [i, f] of wpsFunctionList(entries).entries()) {
      const e = entries[i]!;
      expect(f.id).toBe(e.id);
      expect(f.paramCount).toBe(e.params.length);
      expect(f.metadata.parameters.map((p) => p.name)).toEqual(e.params.map((p) => PARAM_NAMES_ZH[p.name]));
      expect(f.metadata.parameters.map((p) => p.type.endsWith('?'))).toEqual(e.params.map((p) => p.optional));
      expect(f.metadata.parameters.map((p) => p.type.includes('[][]'))).toEqual(e.params.map((p) => p.dimensionality === 'matrix'));
      expect(f.metadata.result.type.includes('[][]')).toBe(e.result.dimensionality === 'matrix');
    }
  });
});

describe('the built add-in', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await buildWpsAddin(path.join(mkdtempSync(path.join(os.tmpdir(), 'edu-wps-')), 'wps'));
  });
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('main.js registers exactly the registry under EDU with the generated metadata, and answers synchronously', async () => {
    const registered: { ns: string; name: string; fn: (...a: unknown[]) => unknown; metadata: unknown }[] = [];
    const posted: { fn: string; args: unknown[] }[] = [];
    let recalculations = 0;
    const app = {
      AddCustomFunction: (ns: string, name: string, fn: (...a: unknown[]) => unknown, metadata: unknown) => registered.push({ ns, name, fn, metadata }),
      CalculateFull: () => recalculations++,
    };
    const sandbox: Record<string, unknown> = {
      ...bundleSandbox(posted, [[7]]),
      wps: app,
      Application: app,
      location: { origin: 'http://127.0.0.1:9', href: 'http://127.0.0.1:9/wps/index.html' },
      addEventListener: () => undefined,
    };
    sandbox.window = sandbox;
    vm.runInNewContext(readFileSync(path.join(dir, 'main.js'), 'utf8'), sandbox);
    expect(registered.map((r) => `${r.ns}.${r.name}`)).toEqual(entries.map((e) => `EDU.${e.id}`));
    expect(registered.map((r) => r.metadata)).toEqual(wpsFunctionList(entries).map((f) => f.metadata));

    // WPS passes what the cell gave: fewer arguments when optional ones are left out.
    const apportion = registered.find((r) => r.name === 'APPORTION')!;
    expect(apportion.fn(48, [[1], [2]])).toBe(PENDING_TEXT);
    await new Promise((r) => setTimeout(r, 50));
    expect(posted).toEqual([{ fn: 'APPORTION', args: [48, [[1], [2]], null, null, null] }]);
    expect(recalculations).toBe(1);
    expect(apportion.fn(48, [[1], [2]])).toEqual([[7]]);
    expect(typeof (sandbox.ribbon as { OnAction: unknown }).OnAction).toBe('function');
  });

  it('ribbon.xml names only callbacks that exist, and every button does something', () => {
    const xml = readFileSync(path.join(dir, 'ribbon.xml'), 'utf8');
    expect(xml).toBe(ribbonXml());
    const done: string[] = [];
    const app = {
      PluginStorage: new Map<string, unknown>(),
      CreateTaskPane: (url: string) => (done.push(`pane ${url}`), { ID: 1, Visible: false }),
      GetTaskPane: () => ({ ID: 1, Visible: true }),
      CalculateFull: () => done.push('recalculate'),
      ShowDialog: (url: string) => done.push(`dialog ${url}`),
    };
    const storage = { getItem: (k: string) => app.PluginStorage.get(k), setItem: (k: string, v: unknown) => app.PluginStorage.set(k, v) };
    const callbacks = ribbonCallbacks({ app: { ...app, PluginStorage: storage } as unknown as WpsApplication, board: { clear: () => done.push('clear') } as unknown as AnswerBoard, clearCache: () => done.push('clearCache'), base: 'http://x/wps/' });
    for (const name of [...xml.matchAll(/"ribbon\.(\w+)"/g)].map((m) => m[1]!)) expect(typeof (callbacks as unknown as Record<string, unknown>)[name], name).toBe('function');
    const ids = [...xml.matchAll(/<button id="(\w+)"/g)].map((m) => m[1]!);
    expect(ids).toEqual(RIBBON_BUTTONS.map((b) => b.id));
    for (const id of ids) callbacks.OnAction({ Id: id });
    expect(done).toEqual(['pane http://x/wps/taskpane.html', 'clear', 'clearCache', 'recalculate', 'dialog http://x/wps/help.html']);
    for (const b of RIBBON_BUTTONS) expect(existsSync(path.join(dir, callbacks.GetImage({ Id: b.id })))).toBe(true);
  });

  it('the pane page is the Office pane’s markup with WPS’s script instead of office.js', () => {
    const html = readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
    const office = readFileSync(path.join(root, 'addin', 'taskpane', 'taskpane.html'), 'utf8');
    expect(html).toBe(wpsTaskpaneHtml(office));
    expect(html).not.toContain('office.js');
    expect(html).toContain('<script src="pane.js" defer></script>');
    expect([...html.matchAll(/id="panel-[a-z]+"/g)].map((m) => m[0])).toEqual([...office.matchAll(/id="panel-[a-z]+"/g)].map((m) => m[0]));
  });

  it('jsplugins.xml lists the online add-in and the offline package with its version', () => {
    expect(jspluginsXml({ online: 'http://edu.example.gov.cn/wps/', offline: { url: 'http://edu.example.gov.cn/wps/edu_county_planning.7z', version: '0.1.0' } })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<jsplugins>',
        '  <jspluginonline name="edu_county_planning" type="et" url="http://edu.example.gov.cn/wps/"/>',
        '  <jsplugin name="edu_county_planning" type="et" url="http://edu.example.gov.cn/wps/edu_county_planning.7z" version="0.1.0" enable="enable"/>',
        '</jsplugins>',
        '',
      ].join('\n'),
    );
  });

  it.runIf(canPack)('`wpsjs build` (离线插件) packs the add-in as <name>_<version>/ in a .7z', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'edu-wps7z-'));
    try {
      const packed = await packOffline(dir, out, '9.8.7');
      expect(packed).toBe(path.join(out, OFFLINE_PACKAGE));
      const { path7za } = createRequire(WPSJS_CLI)('7zip-bin') as { path7za: string };
      const listing = execFileSync(path7za, ['l', '-ba', packed!], { encoding: 'utf8' });
      for (const file of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'pane.js', 'help.html', 'images/pane-32.png']) {
        expect(listing).toContain(`edu_county_planning_9.8.7/${file}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
