/**
 * The Common API parts of a stand-in Office (added to window.Office after OFFICE_STUB, from
 * test/helpers/chromium.ts): Office.context.requirements.isSetSupported answering for the
 * requirement sets given, and Office.context.document.settings, the per-add-in property bag
 * Excel keeps in the document. get/set/remove work on the copy in memory; saveAsync copies
 * it into what the document holds, window.__officeDocument.saved(), so a test can open the
 * "same workbook" again with those settings (Microsoft Learn, Office.Settings: "The developer
 * is responsible for calling the saveAsync method … to save the settings in the document").
 */
export interface OfficeDocumentSeed {
  /** Requirement set name -> highest version supported, e.g. { ExcelApi: '1.1', Settings: '1.1' }. */
  sets: Record<string, string>;
  /** The settings the document was saved with. */
  settings?: Record<string, unknown>;
  /** Make saveAsync fail with this message (a read-only or locked document). */
  failSave?: string;
}

const SCRIPT = String.raw`
(function (seed) {
  'use strict';
  var saved = JSON.parse(JSON.stringify(seed.settings || {}));
  var memory = JSON.parse(JSON.stringify(saved));
  var saves = 0;
  function newer(have, want) {
    var a = String(have).split('.').map(Number), b = String(want || '1.1').split('.').map(Number);
    for (var i = 0; i < Math.max(a.length, b.length); i++) { if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0); }
    return true;
  }
  var Office = window.Office = window.Office || {};
  Office.context = Office.context || {};
  Office.context.requirements = {
    isSetSupported: function (name, version) { var have = seed.sets[name]; return have !== undefined && newer(have, version); },
  };
  Office.context.document = {
    settings: {
      get: function (name) { return Object.prototype.hasOwnProperty.call(memory, name) ? JSON.parse(JSON.stringify(memory[name])) : null; },
      set: function (name, value) { memory[name] = JSON.parse(JSON.stringify(value)); },
      remove: function (name) { delete memory[name]; },
      saveAsync: function (options, callback) {
        var cb = typeof options === 'function' ? options : callback;
        setTimeout(function () {
          if (seed.failSave) { if (cb) cb({ status: 'failed', error: { message: seed.failSave } }); return; }
          saved = JSON.parse(JSON.stringify(memory));
          saves++;
          if (cb) cb({ status: 'succeeded' });
        });
      },
    },
  };
  window.__officeDocument = { saved: function () { return JSON.parse(JSON.stringify(saved)); }, saves: function () { return saves; } };
})
`;

export function officeDocumentScript(seed: OfficeDocumentSeed): string {
  return `${SCRIPT}(${JSON.stringify(seed)});`;
}
