/**
 * The text files of the LibreOffice extension (dist/edu.oxt), generated from the registry's
 * catalog like functions.json: the UNO interface Calc calls, CalcAddIns.xcu (names and
 * descriptions in Chinese and English), the settings schema, the on-load job and the
 * package manifest. The Python that answers the calls is addin/libreoffice/python/edu_calc.py,
 * with its UNO-free wire side in python/pythonpath/edu_wire.py.
 *
 * Names: the add-in's implementation is called "EDU", so the programmatic name Calc stores
 * in .ods and .xlsx is EDU.APPORTION, and the display name a clerk types is EDU.APPORTION too.
 */
import { describeFailure, malformedFailure, timeoutFailure, unreachableMessage } from '../../client/index.js';
import type { CatalogEntry } from '../../formulas/catalog.js';

export const EXTENSION_ID = 'cn.edu.county.calc';
/** The add-in's implementation name: Calc stores a call as `<implementation>.<method>`. */
export const ADDIN_IMPLEMENTATION = 'EDU';
export const CONVERTER_IMPLEMENTATION = `${EXTENSION_ID}.EduXlsxNames`;

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One method per function, every argument `any`: Calc then passes omitted optionals as void and ranges as rows. */
export function interfaceIdl(entries: readonly CatalogEntry[]): string {
  const methods = entries.map((e) => {
    const params = e.params.map((p) => `[in] any ${p.name}`).join(', ');
    return `    sequence< sequence< any > > ${e.id}(${params});`;
  });
  return [
    '// Generated from the registry by addin/libreoffice/oxt-files.ts: do not edit.',
    '#include <com/sun/star/uno/XInterface.idl>',
    'module cn { module edu { module county { module calc {',
    '  interface XEduFunctions : com::sun::star::uno::XInterface {',
    ...methods,
    '  };',
    '}; }; }; };',
    '',
  ].join('\n');
}

const localized = (name: string, zh: string, en: string): string =>
  `<prop oor:name="${name}"><value xml:lang="zh-CN">${xml(zh)}</value><value xml:lang="en-US">${xml(en)}</value></prop>`;

/** A parameter's description, with its default when it has one. */
function paramSummary(p: CatalogEntry['params'][number], locale: 'zh' | 'en'): string {
  if (p.default === undefined) return p.summary[locale];
  return `${p.summary[locale]} (${locale === 'zh' ? '默认' : 'default'} ${JSON.stringify(p.default)})`;
}

/**
 * Parameter nodes are named arg01, arg02…: a configuration set has no order of its own, and
 * these names sort in the order of the method's arguments.
 */
export function calcAddInsXcu(entries: readonly CatalogEntry[]): string {
  const functions = entries.map((e) => {
    const params = e.params.map(
      (p, i) =>
        `<node oor:name="arg${String(i + 1).padStart(2, '0')}" oor:op="replace">${localized('DisplayName', p.name, p.name)}${localized('Description', paramSummary(p, 'zh'), paramSummary(p, 'en'))}</node>`,
    );
    return [
      `   <node oor:name="${e.id}" oor:op="replace">`,
      `    ${localized('DisplayName', e.name, e.name)}`,
      `    ${localized('Description', `${e.summary.zh}（取整：${e.rounding.zh}）`, `${e.summary.en} (Rounding: ${e.rounding.en})`)}`,
      '    <prop oor:name="Category"><value>Add-In</value></prop>',
      `    <node oor:name="Parameters">${params.join('')}</node>`,
      '   </node>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="CalcAddIns" oor:package="org.openoffice.Office">',
    ' <node oor:name="AddInInfo">',
    `  <node oor:name="${ADDIN_IMPLEMENTATION}" oor:op="replace">`,
    '   <node oor:name="AddInFunctions">',
    ...functions,
    '   </node>',
    '  </node>',
    ' </node>',
    '</oor:component-data>',
    '',
  ].join('\n');
}

/** The extension's settings: /cn.edu.county.calc.Settings/Service/{Url,Token} (Tools › Options › Advanced › Expert Configuration). */
export function settingsXcs(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:component-schema xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Settings" oor:package="${EXTENSION_ID}" xml:lang="en-US">
 <component>
  <group oor:name="Service">
   <prop oor:name="Url" oor:type="xs:string"><value></value></prop>
   <prop oor:name="Token" oor:type="xs:string"><value></value></prop>
  </group>
 </component>
</oor:component-schema>
`;
}

/**
 * Runs the _xldudf_ conversion (edu_calc.py) when a document has been loaded. The event is
 * OnLoadFinished, the API event every load raises: OnLoad (and the jobs' onDocumentOpened
 * built on it) is raised only for a document shown in a window, so a hidden load — soffice
 * --headless --convert-to pdf, or a macro's loadComponentFromURL with Hidden — never ran the
 * job (sfx2 SfxObjectShell::PostActivateEvent_Impl skips hidden documents; measured here on
 * 7.4: OnLoad/onDocumentOpened never fired headless, OnLoadFinished did).
 * test/libreoffice/calc-extension.test.ts opens and prints the example workbook with no
 * other help.
 */
export function jobsXcu(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:component-data xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Jobs" oor:package="org.openoffice.Office">
 <node oor:name="Jobs">
  <node oor:name="EduXlsxNames" oor:op="replace">
   <prop oor:name="Service"><value>${CONVERTER_IMPLEMENTATION}</value></prop>
  </node>
 </node>
 <node oor:name="Events">
  <node oor:name="OnLoadFinished" oor:op="fuse">
   <node oor:name="JobList">
    <node oor:name="EduXlsxNames" oor:op="replace"/>
   </node>
  </node>
 </node>
</oor:component-data>
`;
}

export const TYPE_LIBRARY = 'edu.rdb';
export const PYTHON_COMPONENT = 'edu_calc.py';
/** The component's UNO-free wire module: LibreOffice puts an extension's pythonpath/ on sys.path (pythonloader.py). */
export const PYTHON_WIRE_MODULE = 'pythonpath/edu_wire.py';

export function manifestXml(): string {
  const entry = (type: string, file: string) => ` <manifest:file-entry manifest:media-type="${type}" manifest:full-path="${file}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">',
    entry('application/vnd.sun.star.uno-typelibrary;type=RDB', TYPE_LIBRARY),
    entry('application/vnd.sun.star.configuration-schema', 'Settings.xcs'),
    entry('application/vnd.sun.star.configuration-data', 'CalcAddIns.xcu'),
    entry('application/vnd.sun.star.configuration-data', 'Jobs.xcu'),
    entry('application/vnd.sun.star.uno-component;type=Python', PYTHON_COMPONENT),
    '</manifest:manifest>',
    '',
  ].join('\n');
}

export function descriptionXml(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006" xmlns:xlink="http://www.w3.org/1999/xlink">
 <identifier value="${EXTENSION_ID}"/>
 <version value="${xml(version)}"/>
 <display-name>
  <name lang="zh-CN">县级教育规划 EDU 函数</name>
  <name lang="en-US">County education planning: EDU functions</name>
 </display-name>
</description>
`;
}

/** What edu_calc.py needs at run time: ids, purity, and which arguments are ranges. */
export function runtimeFunctionsJson(entries: readonly CatalogEntry[]): string {
  const list = entries.map((e) => ({ id: e.id, pure: e.pure, params: e.params.map((p) => ({ name: p.name, matrix: p.dimensionality === 'matrix', boolean: p.type === 'boolean' })) }));
  return `${JSON.stringify(list, null, 1)}\n`;
}

/** The HTTP statuses whose words the extension carries; others read as 400's or 500's. */
const STATUSES = [400, 401, 403, 404, 413, 422, 429, 500];
/** The Python's time limit per request, in seconds (edu_calc.py). */
const TIMEOUT_SECONDS = 30;

/**
 * The client core's message set (client/failures.ts) for edu_calc.py, so Calc's log says what
 * a cell in Excel or WPS would: the service's own words first, then these by status; `{url}`
 * and `{detail}` are filled in by the Python.
 */
export function runtimeMessagesJson(): string {
  const words = (e: { zh: string; en: string }) => ({ zh: e.zh, en: e.en });
  const messages = {
    unreachable: unreachableMessage('{url}'),
    timeout: words(timeoutFailure(TIMEOUT_SECONDS)),
    malformed: words(malformedFailure('{url}', { zh: '{detail}', en: '{detail}' })),
    status: Object.fromEntries(STATUSES.map((status) => [String(status), words(describeFailure(status, undefined))])),
  };
  return `${JSON.stringify(messages, null, 1)}\n`;
}
