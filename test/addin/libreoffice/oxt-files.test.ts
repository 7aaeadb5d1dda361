/**
 * The extension's generated files follow the registry: every function, every argument in
 * order, Chinese and English text. (The real-engine proof is test/libreoffice.)
 */
import { describe, expect, it } from 'vitest';
import { calcAddInsXcu, interfaceIdl, runtimeFunctionsJson, runtimeMessagesJson } from '../../../addin/libreoffice/oxt-files.js';
import { describeFailure, unreachableMessage } from '../../../client/index.js';
import { catalog } from '../../../formulas/catalog.js';

const entries = catalog();

describe('the LibreOffice extension files', () => {
  it('declare one interface method per function, with its arguments in order', () => {
    const idl = interfaceIdl(entries);
    for (const e of entries) {
      expect(idl).toContain(`sequence< sequence< any > > ${e.id}(${e.params.map((p) => `[in] any ${p.name}`).join(', ')});`);
    }
    expect(idl.match(/sequence< sequence< any > > \w+\(/g)).toHaveLength(entries.length);
  });

  it('name every function EDU.<ID> in CalcAddIns.xcu with its summary in both languages and arguments that sort in call order', () => {
    const xcu = calcAddInsXcu(entries);
    for (const e of entries) {
      const node = xcu.slice(xcu.indexOf(`<node oor:name="${e.id}" oor:op="replace">`));
      const own = node.slice(0, node.indexOf('</node>\n'));
      expect(own).toContain(`<value xml:lang="zh-CN">EDU.${e.id}</value>`);
      expect(own).toContain(e.summary.zh.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
      const argNames = [...own.matchAll(/<node oor:name="(arg\d\d)"/g)].map((m) => m[1]);
      expect(argNames).toEqual(e.params.map((_p, i) => `arg${String(i + 1).padStart(2, '0')}`));
      expect([...argNames].sort()).toEqual(argNames);
    }
  });

  it('tell the Python add-in which arguments are ranges and which are TRUE/FALSE', () => {
    const list = JSON.parse(runtimeFunctionsJson(entries)) as { id: string; pure: boolean; params: { matrix: boolean; boolean: boolean }[] }[];
    expect(list.map((f) => f.id)).toEqual(entries.map((e) => e.id));
    const publicFunds = list.find((f) => f.id === 'PUBLICFUNDS')!;
    expect(publicFunds.params.at(-1)).toMatchObject({ matrix: true, boolean: true });
  });

  it('give the Python add-in the client core\'s words, so Calc says what Excel and WPS say', () => {
    type Words = { zh: string; en: string };
    const messages = JSON.parse(runtimeMessagesJson()) as { unreachable: Words; timeout: Words; malformed: Words; status: Record<string, Words> };
    const url = 'http://10.0.0.5:8080';
    // What the Python fills in for an unreachable service is exactly the core's message.
    expect(messages.unreachable.zh.replace('{url}', url)).toBe(unreachableMessage(url).zh);
    expect(messages.unreachable.en.replace('{url}', url)).toBe(unreachableMessage(url).en);
    expect(messages.unreachable.zh).toContain('请联系本局负责本加载项的信息化管理员');
    expect(messages.status['401']).toEqual({ zh: describeFailure(401, undefined).zh, en: describeFailure(401, undefined).en });
    expect(Object.keys(messages.status)).toEqual(expect.arrayContaining(['400', '401', '403', '413', '500']));
    expect(messages.timeout.zh).toContain('30 秒');
    expect(messages.malformed.zh).toContain('{url}');
    expect(messages.malformed.zh).toContain('{detail}');
  });
});
