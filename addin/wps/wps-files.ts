/**
 * The WPS 表格 add-in's generated parts, from the registry's catalog like functions.json:
 * - each function's registration: `wps.AddCustomFunction(namespace, name, callback, metadata)`
 *   with the metadata WPS shows in 插入函数 › 用户定义 (WPS's own type declarations,
 *   npm et-jsapi-declare 2.5.0, addon.et.d.ts, `EtAddonRoot.AddCustomFunction`);
 * - ribbon.xml (CustomUI, as wpsjs 2.2.3's et template lays it out);
 * - the enterprise plug-in list entries (jsplugins.xml) for 信创 desktops.
 *
 * Types in the metadata are spelled the way wpsjs's own metadata scanner writes them
 * (wpsjs 2.2.3 src/vite_plugins.js): "number", "string", "bool", "any"; a range is a
 * two-dimensional array ("number[][]": WPS takes no one-dimensional arrays) and an optional
 * parameter ends in "?". Registering with metadata directly needs neither functions.json
 * nor a manifest.xml (金山文档开放平台, “WPS 加载项自定义函数”).
 */
import type { CatalogEntry, CatalogParam } from '../../formulas/catalog.js';
import type { ExcelType } from '../../formulas/core/definition.js';
import { PARAM_NAMES_ZH } from '../../formulas/param-names.js';

/** Cells read `=EDU.APPORTION(...)`, as in Excel and LibreOffice. */
export const WPS_NAMESPACE = 'EDU';
/** The plug-in's name in jsplugins.xml and the offline package (wpsjs allows letters, digits and _). */
export const PLUGIN_NAME = 'edu_county_planning';
/** WPS 表格's add-in type in jsplugins.xml ("wps" is 文字, "wpp" 演示). */
export const PLUGIN_TYPE = 'et';

export interface WpsMetadata {
  description: string;
  result: { type: string };
  parameters: { name: string; type: string; description: string }[];
}

/** What the add-in's page needs at run time, written into its bundle at build time. */
export interface WpsFunctionInfo {
  id: string;
  paramCount: number;
  pure: boolean;
  metadata: WpsMetadata;
}

const WPS_TYPES: Record<ExcelType, string> = { number: 'number', string: 'string', boolean: 'bool', any: 'any' };

function wpsType(type: ExcelType, dimensionality: 'scalar' | 'matrix', optional = false): string {
  return `${WPS_TYPES[type]}${dimensionality === 'matrix' ? '[][]' : ''}${optional ? '?' : ''}`;
}

function paramDescription(p: CatalogParam): string {
  return p.default === undefined ? p.summary.zh : `${p.summary.zh}（默认 ${JSON.stringify(p.default)}）`;
}

/** One metadata entry per function: zh-CN, since WPS shows one language (信创 desktops run zh-CN). */
export function wpsMetadata(e: CatalogEntry): WpsMetadata {
  return {
    description: `${e.summary.zh}（取整：${e.rounding.zh}）`,
    result: { type: wpsType(e.result.type, e.result.dimensionality) },
    parameters: e.params.map((p) => ({ name: PARAM_NAMES_ZH[p.name] ?? p.name, type: wpsType(p.type, p.dimensionality, p.optional), description: paramDescription(p) })),
  };
}

export function wpsFunctionList(entries: readonly CatalogEntry[]): WpsFunctionInfo[] {
  return entries.map((e) => ({ id: e.id, paramCount: e.params.length, pure: e.pure, metadata: wpsMetadata(e) }));
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The ribbon buttons and what each does (addin/wps/ribbon.ts answers them by id). */
export const RIBBON_BUTTONS = [
  { id: 'eduOpenPane', label: '打开面板', image: 'images/pane-32.png', tip: '打开县域教育规划任务窗格：连接与设置、情景、报表、计划 / Open the task pane' },
  { id: 'eduRecalculate', label: '重新计算', image: 'images/recalc-32.png', tip: '清除已取得的结果并重新计算全部 EDU 函数（政策配置改动后使用）/ Forget the answers and recalculate every EDU function' },
  { id: 'eduHelp', label: '函数说明', image: 'images/pane-32.png', tip: 'EDU 函数参考 / Function reference' },
] as const;

export type RibbonButtonId = (typeof RIBBON_BUTTONS)[number]['id'];

/** ribbon.xml: one tab, one group; callbacks are properties of window.ribbon (addin/wps/ribbon.ts). */
export function ribbonXml(): string {
  const buttons = RIBBON_BUTTONS.map(
    (b) => `          <button id="${b.id}" label="${xml(b.label)}" screentip="${xml(b.tip)}" onAction="ribbon.OnAction" getImage="ribbon.GetImage" size="large"/>`,
  );
  return [
    '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="ribbon.OnAddinLoad">',
    '  <ribbon startFromScratch="false">',
    '    <tabs>',
    '      <tab id="eduTab" label="教育规划">',
    '        <group id="eduGroup" label="县域教育规划">',
    ...buttons,
    '        </group>',
    '      </tab>',
    '    </tabs>',
    '  </ribbon>',
    '</customUI>',
    '',
  ].join('\n');
}

/**
 * The add-in's entry page: WPS opens index.html of every loaded plug-in (hidden) and reads
 * ribbon.xml beside it; main.js registers the functions and answers the ribbon.
 */
export function indexHtml(): string {
  return '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>EDU</title><script src="main.js"></script></head><body></body></html>\n';
}

/**
 * The entries of jsplugins.xml, WPS's list of plug-ins to load, named by oem.ini's
 * [Server] JSPluginsServer (docs/wps.md): `jspluginonline` loads the add-in from a web
 * address (the service serves it under /wps/), `jsplugin` installs the offline .7z package
 * of `wpsjs build` and updates it when `version` changes.
 */
export function jspluginsXml(options: { online?: string; offline?: { url: string; version: string } }): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<jsplugins>'];
  if (options.online) lines.push(`  <jspluginonline name="${PLUGIN_NAME}" type="${PLUGIN_TYPE}" url="${xml(options.online)}"/>`);
  if (options.offline) lines.push(`  <jsplugin name="${PLUGIN_NAME}" type="${PLUGIN_TYPE}" url="${xml(options.offline.url)}" version="${xml(options.offline.version)}" enable="enable"/>`);
  lines.push('</jsplugins>', '');
  return lines.join('\n');
}

/** Shown by pane.js in a WPS older than 12.1.0.20540, which has no AddCustomFunction. */
export const NO_FUNCTIONS_BANNER =
  '<p id="wps-no-functions" class="banner" hidden>这个版本的 WPS 还不能使用 EDU 函数：需要 WPS 12.1.0.20540 或更高版本，请联系信息化管理员升级；情景、报表和计划照常可用。<span class="en">This WPS cannot run the EDU functions: they need WPS 12.1.0.20540 or later (ask your IT administrator to upgrade); scenarios, forms and plans work.</span></p>';

/**
 * The task pane's page for WPS: the Office pane's markup with its scripts swapped (no
 * office.js; the WPS bundle) and one WPS banner added, so both hosts show the same views.
 */
export function wpsTaskpaneHtml(officePaneHtml: string): string {
  const swapped = officePaneHtml
    .replace(/\s*<!--[^>]*office\.js[^>]*-->/, '')
    .replace(/\s*<script src="office-js\/office\.js"><\/script>/, '')
    .replace('<script src="taskpane.js" defer></script>', '<script src="pane.js" defer></script>')
    .replace('<p id="no-excel"', `${NO_FUNCTIONS_BANNER}\n  <p id="no-excel"`);
  if (swapped.includes('office.js') || !swapped.includes('pane.js') || !swapped.includes('wps-no-functions')) throw new Error('addin/taskpane/taskpane.html changed: update wpsTaskpaneHtml');
  return swapped;
}
