/**
 * A stand-in for WPS 表格's JavaScript add-in environment, injected into Chromium before the
 * add-in's pages load, for the WPS add-in's browser tests. WPS cannot run on these machines;
 * this follows WPS's published documentation, and only as far as it goes:
 *
 * - 金山文档开放平台, “WPS 加载项自定义函数” (365.kdocs.cn/3rd/open/documents/app-integration-dev/
 *   client/wpsoffice/wps-integration-mode/wps-addin-development/wps-addin-custome-function.html):
 *   functions registered by wps.AddCustomFunction are called as 命名空间.函数名(参数列表),
 *   SYNCHRONOUSLY ("调用方式目前只支持同步式调用，暂不支持异步调用"), from 12.1.0.20540 on.
 *   So this stand-in calls each function synchronously while it calculates and takes the
 *   return value as the cell's value; a function that returns a Promise gets #VALUE!.
 * - WPS's type declarations for add-ins, npm et-jsapi-declare 2.5.0 (index.d.ts: the global
 *   `wps`/`Application` root with CreateTaskPane, GetTaskPane, ShowDialog, PluginStorage;
 *   addon.et.d.ts: AddCustomFunction(namespace, name, callback, metadata); lib.et.d.ts:
 *   Application.ActiveWorkbook/ActiveSheet/Selection/ActiveWindow/CalculateFull, Workbook.Names/
 *   Worksheets, Worksheet.Range/ListObjects/PageSetup, Window.SplitRow/FreezePanes,
 *   Range.Value2/Formula/NumberFormat/Address/Resize/Font/…,
 *   ListObject.Range/HeaderRowRange/DataBodyRange/Resize, Names.Add/Item, Name.RefersToRange).
 * - wpsjs 2.2.3 (WPS's add-in tool): its metadata types ("number", "string", "bool", "any",
 *   "x[][]" for a 2-D array, "?" for optional; src/vite_plugins.js) and its et templates'
 *   ribbon callbacks (ribbon.OnAction(control) with control.Id).
 *
 * Where the documentation is silent, the stand-in assumes what Excel's COM model does, and
 * docs/wps.md lists these as NOT verified in WPS: Value2 of a block is an array of rows (a
 * single cell the bare value); a range passed to a "[][]" parameter arrives as an array of
 * rows and an omitted argument as undefined; a 2-D result spills from the formula's cell;
 * CalculateFull re-runs every formula synchronously before it returns.
 *
 * Only formulas that call a registered function (=EDU.APPORTION(48,B2:B9,"hamilton")) are
 * calculated, with literal arguments (numbers, "text", TRUE/FALSE, {1,2;3,4}) and references
 * (B2, B2:B9, 'Sheet'!B2:B9); other formulas are stored and read as "". Typing a value
 * (window.__wps.set) recalculates the formulas that refer to it, as automatic calculation does.
 * Seed: { sheets: {name: rows}, names: {name: "Sheet!A1:B2"}, tables: {name: "Sheet!A1:C9"},
 * selection: "Sheet!A1:B9" }. window.__wps: registered, calls, dump(sheet), set(ref, rows),
 * click(buttonId), calculations, taskPanes, dialogs.
 */

export interface WpsSeed {
  name?: string;
  sheets?: Record<string, (string | number | boolean | null)[][]>;
  names?: Record<string, string>;
  tables?: Record<string, string>;
  selection?: string;
  /** Behave like a WPS before 12.1.0.20540: no AddCustomFunction. */
  noCustomFunctions?: boolean;
}

export interface WpsCellDump {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  font?: Record<string, unknown>;
  fill?: number;
  merged?: boolean;
}

const STUB = String.raw`
(function (seed) {
  'use strict';
  var registered = {}, calls = [], storage = {}, taskPanes = [], dialogs = [], stats = { calculations: 0, asyncReturns: 0 };
  var wb = { Name: seed.name || '工作簿1.xlsx', sheets: [], names: {}, selection: null };

  function colIndex(l) { var n = 0; for (var i = 0; i < l.length; i++) n = n * 26 + (l.charCodeAt(i) - 64); return n - 1; }
  function colLetters(i) { var n = i + 1, s = ''; while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; }
  function cellName(r, c) { return colLetters(c) + (r + 1); }
  function comError(msg) { var e = new Error(msg); e.name = 'WpsComError'; return e; }
  function parseCell(t) { var m = /^\$?([A-Z]+)\$?(\d+)$/.exec(t.toUpperCase()); if (!m) throw comError('bad address ' + t); return { r: Number(m[2]) - 1, c: colIndex(m[1]) }; }
  function parseArea(a) { var p = a.split(':'), x = parseCell(p[0]), y = p.length > 1 ? parseCell(p[1]) : x; return { r: Math.min(x.r, y.r), c: Math.min(x.c, y.c), rows: Math.abs(y.r - x.r) + 1, cols: Math.abs(y.c - x.c) + 1 }; }
  function splitRef(ref) { var m = /^=?(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(ref); return m ? { sheet: (m[1] || m[2]).replace(/''/g, "'"), address: m[3] } : { sheet: null, address: ref.replace(/^=/, '') }; }
  function findSheet(name) { for (var i = 0; i < wb.sheets.length; i++) if (wb.sheets[i].Name.toLowerCase() === String(name).toLowerCase()) return wb.sheets[i]; return null; }
  function resolve(ref, here) { var s = splitRef(ref); var sh = s.sheet === null ? here : findSheet(s.sheet); if (!sh) throw comError('no sheet ' + s.sheet); return { sheet: sh, area: parseArea(s.address) }; }
  function cellAt(sheet, r, c, create) { var k = cellName(r, c); if (!sheet.cells[k] && create) sheet.cells[k] = {}; return sheet.cells[k]; }
  function valueAt(sheet, r, c) { var x = cellAt(sheet, r, c, false); return x && x.v !== undefined ? x.v : undefined; }
  function rows(sheet, a, read) { var out = []; for (var r = 0; r < a.rows; r++) { var row = []; for (var c = 0; c < a.cols; c++) row.push(read(sheet, a.r + r, a.c + c)); out.push(row); } return out; }
  function one(sheet, a, read) { return a.rows === 1 && a.cols === 1 ? read(sheet, a.r, a.c) : rows(sheet, a, read); }
  function overlaps(a, b) { return a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols; }

  // ---- formulas: only calls of registered functions are calculated ----
  function splitArgs(t) { var out = [], depth = 0, q = false, s = 0; for (var i = 0; i < t.length; i++) { var ch = t[i]; if (ch === '"') q = !q; else if (!q && (ch === '(' || ch === '{')) depth++; else if (!q && (ch === ')' || ch === '}')) depth--; else if (!q && depth === 0 && ch === ',') { out.push(t.slice(s, i)); s = i + 1; } } out.push(t.slice(s)); return t.trim() === '' ? [] : out; }
  function literal(t) {
    if (/^".*"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
    if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === 'TRUE';
    if (/^-?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return null;
  }
  function argument(text, sheet, isRange) {
    var t = text.trim();
    if (t === '') return undefined;
    if (/^\{.*\}$/.test(t)) return t.slice(1, -1).split(';').map(function (row) { return row.split(',').map(function (x) { return literal(x.trim()); }); });
    var lit = literal(t);
    if (lit !== null) return isRange ? [[lit]] : lit;
    var x = resolve(t, sheet);
    return isRange ? rows(x.sheet, x.area, valueAt) : one(x.sheet, x.area, valueAt);
  }
  function refsOf(formula, sheet) {
    var out = [], re = /(?:'(?:[^']|'')+'|[^\s,(){}!"=:]+)?!?\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/g, m;
    var body = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/^=\s*[A-Za-z_]\w*\.[A-Za-z_]\w*\(/, '(');
    while ((m = re.exec(body))) { try { out.push(resolve(m[0], sheet)); } catch (e) { /* not a reference */ } }
    return out;
  }
  function clearSpill(sheet, home) { (sheet.spills[home] || []).forEach(function (k) { var x = sheet.cells[k]; if (x && x.spillFrom === home) { delete x.v; delete x.spillFrom; } }); delete sheet.spills[home]; }
  function show(sheet, r, c, result) {
    var home = cellName(r, c);
    clearSpill(sheet, home);
    var grid = Array.isArray(result) ? result : [[result]];
    var spilled = sheet.spills[home] = [];
    grid.forEach(function (row, i) { row.forEach(function (v, j) { var x = cellAt(sheet, r + i, c + j, true); x.v = v; if (i || j) { x.spillFrom = home; spilled.push(cellName(r + i, c + j)); } }); });
    return { r: r, c: c, rows: grid.length, cols: grid[0] ? grid[0].length : 1 };
  }
  function evaluate(sheet, r, c) {
    var x = cellAt(sheet, r, c, false);
    var m = /^=\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\(([\s\S]*)\)\s*$/.exec(x.f);
    if (!m) return show(sheet, r, c, '');
    var f = registered[m[1].toUpperCase() + '.' + m[2].toUpperCase()];
    if (!f) return show(sheet, r, c, '#NAME?');
    var params = (f.metadata && f.metadata.parameters) || [];
    var args = splitArgs(m[3]).map(function (a, i) { return argument(a, sheet, /\[\]\[\]/.test((params[i] || {}).type || '')); });
    calls.push({ fn: m[2].toUpperCase(), cell: sheet.Name + '!' + cellName(r, c) });
    var out = f.fn.apply(null, args);
    if (out && typeof out.then === 'function') { stats.asyncReturns++; out = '#VALUE!'; }
    return show(sheet, r, c, out);
  }
  /** The sheet's formula cells, listed again only after a write that may have added or removed one. */
  function formulaCells(sheet) {
    if (!sheet.formulaList) sheet.formulaList = Object.keys(sheet.cells).filter(function (k) { return sheet.cells[k].f !== undefined; }).map(function (k) { var p = parseCell(k); return { sheet: sheet, r: p.r, c: p.c }; });
    return sheet.formulaList;
  }
  function calculateAll() { stats.calculations++; wb.sheets.forEach(function (s) { formulaCells(s).forEach(function (f) { evaluate(f.sheet, f.r, f.c); }); }); }
  /** Automatic calculation: formulas that refer to the changed block, then theirs, a few levels deep. */
  function changed(sheet, area) {
    var dirty = [{ sheet: sheet, area: area }];
    for (var level = 0; level < 8 && dirty.length; level++) {
      var next = [];
      wb.sheets.forEach(function (s) { formulaCells(s).forEach(function (f) {
        var x = cellAt(s, f.r, f.c, false);
        if (!x.refs) x.refs = refsOf(x.f, s);
        var hit = x.refs.some(function (ref) { return dirty.some(function (d) { return d.sheet === ref.sheet && overlaps(d.area, ref.area); }); });
        if (hit) next.push({ sheet: s, area: evaluate(s, f.r, f.c) });
      }); });
      dirty = next;
    }
  }

  // ---- object model ----
  function Range(sheet, area) {
    var self = this;
    function each(fn) { for (var r = 0; r < area.rows; r++) for (var c = 0; c < area.cols; c++) fn(cellAt(sheet, area.r + r, area.c + c, true), r, c); }
    function fit(v) { return Array.isArray(v) ? v : rows(sheet, area, function () { return v; }); }
    function prop(name, get, set) { Object.defineProperty(self, name, { enumerable: true, get: get, set: set }); }
    prop('Value2', function () { return one(sheet, area, valueAt); }, function (v) {
      var m = fit(v); if (m.length !== area.rows || m.some(function (row) { return row.length !== area.cols; })) throw comError('Value2 array ' + m.length + ' rows for ' + area.rows);
      sheet.formulaList = null; each(function (x, r, c) { delete x.f; x.v = m[r][c] === '' || m[r][c] === null ? undefined : m[r][c]; }); changed(sheet, area);
    });
    prop('Formula', function () { return one(sheet, area, function (s, r, c) { var x = cellAt(s, r, c, false); return x ? (x.f !== undefined ? x.f : x.v === undefined ? '' : x.v) : ''; }); }, function (v) {
      var m = fit(v); sheet.formulaList = null; each(function (x, r, c) { var t = m[r][c]; if (typeof t === 'string' && t.charAt(0) === '=') { x.f = t; delete x.refs; evaluate(sheet, area.r + r, area.c + c); } else { delete x.f; x.v = t === '' ? undefined : t; } }); changed(sheet, area);
    });
    prop('NumberFormat', function () { return one(sheet, area, function (s, r, c) { var x = cellAt(s, r, c, false); return (x && x.nf) || 'General'; }); }, function (v) { var m = fit(v); each(function (x, r, c) { x.nf = m[r][c]; }); });
    ['HorizontalAlignment', 'VerticalAlignment', 'WrapText'].forEach(function (k) { prop(k, function () { return undefined; }, function (v) { each(function (x) { x[k] = v; }); }); });
    prop('ColumnWidth', function () { return sheet.widths[colLetters(area.c)]; }, function (v) { for (var c = 0; c < area.cols; c++) sheet.widths[colLetters(area.c + c)] = v; });
    prop('RowHeight', function () { return sheet.heights[area.r + 1]; }, function (v) { for (var r = 0; r < area.rows; r++) sheet.heights[area.r + r + 1] = v; });
    var font = {}; ['Name', 'Size', 'Bold', 'Italic', 'Color'].forEach(function (k) { Object.defineProperty(font, k, { get: function () { var x = cellAt(sheet, area.r, area.c, false); return x && x.font ? x.font[k] : undefined; }, set: function (v) { each(function (x) { x.font = x.font || {}; x.font[k] = v; }); } }); });
    this.Font = font;
    this.Interior = {}; Object.defineProperty(this.Interior, 'Color', { set: function (v) { each(function (x) { x.fill = v; }); } });
    this.Borders = {}; ['LineStyle', 'Weight'].forEach(function (k) { Object.defineProperty(self.Borders, k, { set: function (v) { each(function (x) { x['border' + k] = v; }); } }); });
    this.Row = area.r + 1; this.Column = area.c + 1;
    this.Rows = { Count: area.rows }; this.Columns = { Count: area.cols };
    this.Worksheet = sheet;
    this.Address = function () { var a = '$' + colLetters(area.c) + '$' + (area.r + 1); return area.rows === 1 && area.cols === 1 ? a : a + ':$' + colLetters(area.c + area.cols - 1) + '$' + (area.r + area.rows); };
    this.Resize = function (rs, cs) { return new Range(sheet, { r: area.r, c: area.c, rows: rs || area.rows, cols: cs || area.cols }); };
    this.Offset = function (ro, co) { return new Range(sheet, { r: area.r + (ro || 0), c: area.c + (co || 0), rows: area.rows, cols: area.cols }); };
    this.Merge = function () { sheet.merges.push(this.Address().replace(/\$/g, '')); };
    this.ClearContents = function () { sheet.formulaList = null; each(function (x) { delete x.v; delete x.f; }); changed(sheet, area); };
    this.Select = function () { wb.selection = { sheet: sheet, area: area }; };
    this.__area = area;
  }
  function collection(list, byName) {
    return { get Count() { return list().length; }, Item: function (i) { var found = typeof i === 'number' ? list()[i - 1] : byName(i); if (!found) throw comError('没有 ' + i); return found; } };
  }
  function Sheet(name) {
    var self = this; this.cells = {}; this.spills = {}; this.formulaList = null; this.merges = []; this.widths = {}; this.heights = {}; this.tables = [];
    Object.defineProperty(this, 'Name', { get: function () { return name; }, set: function (v) { if (findSheet(v) && findSheet(v) !== self) throw comError('工作表名称已存在 ' + v); name = v; } });
    this.Range = function (a) { var x = resolve(a, self); return new Range(x.sheet, x.area); };
    this.ListObjects = collection(function () { return self.tables; }, function (n) { return self.tables.filter(function (t) { return t.Name === n; })[0]; });
    this.Activate = function () { wb.active = self; };
    this.pageSetup = {}; this.freezeRows = 0;
    this.PageSetup = {};
    ['Orientation', 'PaperSize', 'Zoom', 'FitToPagesWide', 'FitToPagesTall', 'CenterHorizontally', 'TopMargin', 'BottomMargin', 'LeftMargin', 'RightMargin', 'HeaderMargin', 'FooterMargin', 'PrintTitleRows', 'PrintArea', 'CenterFooter'].forEach(function (k) {
      Object.defineProperty(self.PageSetup, k, { get: function () { return self.pageSetup[k]; }, set: function (v) {
        self.pageSetup[k] = v;
        // As in Excel's COM model, a print area or title rows are kept as sheet-level names.
        if (k === 'PrintArea') wb.names[name + '!Print_Area'] = { refersTo: '=' + name + '!' + v };
        if (k === 'PrintTitleRows') wb.names[name + '!Print_Titles'] = { refersTo: '=' + name + '!' + v };
      } });
    });
  }
  function Table(name, sheet, area) {
    this.Name = name;
    Object.defineProperty(this, 'Range', { get: function () { return new Range(sheet, area); } });
    Object.defineProperty(this, 'HeaderRowRange', { get: function () { return new Range(sheet, { r: area.r, c: area.c, rows: 1, cols: area.cols }); } });
    Object.defineProperty(this, 'DataBodyRange', { get: function () { return area.rows > 1 ? new Range(sheet, { r: area.r + 1, c: area.c, rows: area.rows - 1, cols: area.cols }) : null; } });
    this.Resize = function (range) { if (range.Worksheet !== sheet || range.__area.r !== area.r || range.__area.c !== area.c) throw comError('表格只能在原位置调整大小'); area = range.__area; };
  }
  function nameObject(n) {
    var x = wb.names[n];
    return { Name: n, Visible: true, RefersTo: x.refersTo, get RefersToRange() { var t = resolve(x.refersTo, null); return new Range(t.sheet, t.area); }, Delete: function () { delete wb.names[n]; } };
  }

  Object.keys(seed.sheets || {}).forEach(function (name) {
    var s = new Sheet(name); wb.sheets.push(s);
    (seed.sheets[name] || []).forEach(function (row, r) { row.forEach(function (v, c) { if (v === null || v === '') return; var x = cellAt(s, r, c, true); if (typeof v === 'string' && v.charAt(0) === '=') x.f = v; else x.v = v; }); });
  });
  if (!wb.sheets.length) wb.sheets.push(new Sheet('Sheet1'));
  wb.active = wb.sheets[0];
  Object.keys(seed.names || {}).forEach(function (n) { wb.names[n] = { refersTo: '=' + seed.names[n] }; });
  Object.keys(seed.tables || {}).forEach(function (n) { var t = resolve(seed.tables[n], null); t.sheet.tables.push(new Table(n, t.sheet, t.area)); });
  if (seed.selection) { var sel = resolve(seed.selection, null); wb.selection = { sheet: sel.sheet, area: sel.area }; }

  var workbook = {
    get Name() { return wb.Name; },
    Names: { get Count() { return Object.keys(wb.names).length; }, Item: function (i) { var n = typeof i === 'number' ? Object.keys(wb.names)[i - 1] : i; if (!n || !wb.names[n]) throw comError('没有名称 ' + i); return nameObject(n); }, Add: function (n, refersTo) { wb.names[n] = { refersTo: refersTo }; return nameObject(n); } },
    Worksheets: Object.assign(collection(function () { return wb.sheets; }, findSheet), { Add: function (before, after) { var s = new Sheet('Sheet' + (wb.sheets.length + 1)); wb.sheets.splice(after ? wb.sheets.indexOf(after) + 1 : 0, 0, s); wb.active = s; return s; } }),
  };
  var app = {
    get ActiveWorkbook() { return workbook; },
    get ActiveSheet() { return wb.active; },
    get Selection() { return wb.selection ? new Range(wb.selection.sheet, wb.selection.area) : null; },
    /** The window shows the active sheet: freezing applies to it, at SplitRow. */
    ActiveWindow: (function () { var split = 0; return { get SplitRow() { return split; }, set SplitRow(v) { split = v; }, get FreezePanes() { return wb.active.freezeRows > 0; }, set FreezePanes(v) { wb.active.freezeRows = v ? split : 0; } }; })(),
    CalculateFull: calculateAll,
    AddCustomFunction: function (ns, name, fn, metadata) { registered[ns.toUpperCase() + '.' + name.toUpperCase()] = { fn: fn, metadata: metadata, namespace: ns, name: name }; },
    CreateTaskPane: function (url, title) { var p = { ID: taskPanes.length + 1, Visible: false, url: url, title: title }; taskPanes.push(p); return p; },
    GetTaskPane: function (id) { return taskPanes[id - 1]; },
    ShowDialog: function (url, title) { dialogs.push({ url: url, title: title }); },
    PluginStorage: { getItem: function (k) { return storage[k]; }, setItem: function (k, v) { storage[k] = v; } },
  };
  if (seed.noCustomFunctions) delete app.AddCustomFunction;
  window.Application = app;
  window.wps = app;

  window.__wps = {
    registered: function () { return Object.keys(registered).map(function (k) { var f = registered[k]; return { namespace: f.namespace, name: f.name, metadata: f.metadata }; }); },
    calls: calls, stats: stats, taskPanes: taskPanes, dialogs: dialogs,
    /** Types (or pastes) rows of values and formulas from the cell ref down and right. */
    set: function (ref, values) { var x = resolve(ref, wb.active); new Range(x.sheet, { r: x.area.r, c: x.area.c, rows: values.length, cols: values[0].length }).Formula = values; },
    value: function (ref) { var x = resolve(ref, wb.active); return one(x.sheet, x.area, valueAt); },
    sheetNames: function () { return wb.sheets.map(function (s) { return s.Name; }); },
    names: function () { var o = {}; Object.keys(wb.names).forEach(function (n) { o[n] = wb.names[n].refersTo; }); return o; },
    click: function (id) { return window.ribbon.OnAction({ Id: id }); },
    dump: function (name) {
      var s = findSheet(name); if (!s) return null; var cells = {};
      Object.keys(s.cells).forEach(function (k) { var x = s.cells[k], o = {}; if (x.v !== undefined) o.value = x.v; if (x.f !== undefined) o.formula = x.f; if (x.nf) o.numberFormat = x.nf; if (x.font) o.font = x.font; if (x.fill !== undefined) o.fill = x.fill; if (Object.keys(o).length) cells[k] = o; });
      return { name: s.Name, cells: cells, merges: s.merges.slice(), widths: Object.assign({}, s.widths), pageSetup: Object.assign({}, s.pageSetup), freezeRows: s.freezeRows };
    },
  };
})
`;

/** The stand-in as a script for page.addInitScript, with the workbook to start from. */
export function wpsStubScript(seed: WpsSeed = {}): string {
  return `${STUB}(${JSON.stringify(seed)});`;
}
