/**
 * A stand-in for Excel's JavaScript API (window.Excel) in Chromium, for the task pane's
 * browser tests. It keeps a small workbook (sheets of cells, named ranges, tables, the
 * selection) and RECORDS every write, so a test can assert what the pane wrote: values,
 * formulas, number formats, fonts, borders, merges, widths, conditional formats, charts,
 * page layout.
 *
 * It is strict where Office.js is strict, so the pane's Office code is tested, not just
 * called: a property read before load() + context.sync() throws PropertyNotLoaded; a
 * values/formulas array must match the range's size; adding a sheet under a taken name
 * throws ItemAlreadyExists; getItem of a missing name throws ItemNotFound. Formulas are
 * stored, not calculated (a formula cell reads as "").
 *
 * Seed the workbook before the page loads with `excelStubScript(seed)`:
 *   { name: "县域规划.xlsx",
 *     sheets: { "预算": [["学区", "金额"], ["第一学区", 200000]] },   // rows from A1
 *     names: { "金额": "预算!B2:B9" },
 *     tables: { "教师": "教师名单!A1:H40" },                           // header row first
 *     selection: "预算!A1:B9" }
 * and read it back in the page with window.__excel.dump(sheet), .log, .sheetNames(); a test
 * types into cells with window.__excel.set("Sheet!B2", [[1], [2]]).
 */

export interface ExcelSeed {
  name?: string;
  sheets?: Record<string, (string | number | boolean | null)[][]>;
  names?: Record<string, string>;
  tables?: Record<string, string>;
  selection?: string;
  /** Behave like an Excel older than ExcelApi 1.9: worksheet.pageLayout is not there. */
  noPageLayout?: boolean;
  /**
   * Behave like an older Excel: these members, by object kind, are not there (an Excel with
   * only ExcelApi 1.1: test/helpers/excel-api-sets.ts). "isNullObject" under "*" removes it everywhere.
   */
  absent?: Record<string, string[]>;
}

/** What window.__excel.dump(sheet) answers. */
export interface SheetDump {
  name: string;
  cells: Record<string, { value?: string | number | boolean; formula?: string; numberFormat?: string; font?: Record<string, unknown>; fill?: string; horizontal?: string; vertical?: string; wrap?: boolean; indent?: number; borders?: Record<string, string> }>;
  merges: string[];
  charts: { type: string; source: string; seriesBy: string; title: string; legend?: string; position?: [string, string] }[];
  conditionalFormats: { address: string; type: string; rule?: { formula1: string; operator: string }; fill?: string; fontColor?: string }[];
  pageLayout: Record<string, unknown>;
  freezeRows: number;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  activated: boolean;
}

export interface WriteRecord {
  op: string;
  sheet?: string;
  address?: string;
  value?: unknown;
}

const STUB = String.raw`
(function (seed) {
  'use strict';
  var log = [];
  var wb = { name: seed.name || 'Book1.xlsx', sheets: [], names: {}, tables: {}, selection: null, active: null };

  function colIndex(letters) { var n = 0; for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64); return n - 1; }
  function colLetters(index) { var n = index + 1, s = ''; while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; }
  function cellName(r, c) { return colLetters(c) + (r + 1); }
  function parseCell(t) {
    var m = /^\$?([A-Z]+)\$?(\d+)$/.exec(t.toUpperCase());
    if (!m) throw officeError('InvalidArgument', 'The address "' + t + '" is not valid.');
    return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
  }
  function splitRef(ref) {
    var m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(ref);
    if (!m) return { sheet: null, address: ref };
    return { sheet: (m[1] || m[2]).replace(/''/g, "'"), address: m[3] };
  }
  function parseArea(address) {
    var parts = address.split(':');
    var a = parseCell(parts[0]);
    var b = parts.length > 1 ? parseCell(parts[1]) : a;
    return { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c), rows: Math.abs(b.r - a.r) + 1, cols: Math.abs(b.c - a.c) + 1 };
  }
  function areaAddress(a) {
    var first = cellName(a.r, a.c);
    return a.rows === 1 && a.cols === 1 ? first : first + ':' + cellName(a.r + a.rows - 1, a.c + a.cols - 1);
  }
  function quoteSheet(name) { return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'"; }
  function officeError(code, message) { var e = new Error(message); e.code = code; e.name = 'RichApi.Error'; return e; }

  function findSheet(name) { for (var i = 0; i < wb.sheets.length; i++) if (wb.sheets[i].name.toLowerCase() === String(name).toLowerCase()) return wb.sheets[i]; return null; }
  function newSheet(name) {
    var s = { name: name, cells: {}, merges: [], charts: [], cfs: [], pageLayout: {}, freezeRows: 0, colWidths: {}, rowHeights: {}, activated: false };
    wb.sheets.push(s);
    return s;
  }
  function cell(sheet, r, c, create) {
    var key = cellName(r, c);
    var x = sheet.cells[key];
    if (!x && create) { x = {}; sheet.cells[key] = x; }
    return x;
  }
  function readValue(sheet, r, c) { var x = cell(sheet, r, c, false); if (!x) return ''; if (x.f !== undefined) return ''; return x.v === undefined ? '' : x.v; }
  function readFormula(sheet, r, c) { var x = cell(sheet, r, c, false); if (!x) return ''; if (x.f !== undefined) return x.f; return x.v === undefined ? '' : x.v; }
  function resolveRef(ref) {
    var s = splitRef(ref);
    var sheet = findSheet(s.sheet);
    if (!sheet) throw officeError('ItemNotFound', 'No sheet ' + s.sheet);
    return { sheet: sheet, area: parseArea(s.address) };
  }

  // ---- seed ----
  Object.keys(seed.sheets || {}).forEach(function (name) {
    var s = newSheet(name);
    (seed.sheets[name] || []).forEach(function (row, r) {
      row.forEach(function (v, c) { if (v !== null && v !== '' && v !== undefined) { if (typeof v === 'string' && v.charAt(0) === '=') cell(s, r, c, true).f = v; else cell(s, r, c, true).v = v; } });
    });
  });
  if (wb.sheets.length === 0) newSheet('Sheet1');
  wb.active = wb.sheets[0];
  Object.keys(seed.names || {}).forEach(function (n) { var x = resolveRef(seed.names[n]); wb.names[n] = { sheet: x.sheet, area: x.area, type: 'Range' }; });
  Object.keys(seed.tables || {}).forEach(function (n) { var x = resolveRef(seed.tables[n]); wb.tables[n] = { sheet: x.sheet, r: x.area.r, c: x.area.c, cols: x.area.cols, bodyRows: x.area.rows - 1 }; });
  if (seed.selection) { var sel = resolveRef(seed.selection); wb.selection = { sheet: sel.sheet, area: sel.area }; }

  // ---- request context and loadable proxies ----
  function Context() { this.proxies = []; this.workbook = workbookProxy(this); }
  Context.prototype.sync = function () {
    var ps = this.proxies;
    for (var i = 0; i < ps.length; i++) { var p = ps[i]; p.__synced = true; if (p.__pending) { p.__loaded = true; p.__pending = false; } }
    return Promise.resolve();
  };
  Context.prototype.trackedObjects = { add: function () {}, remove: function () {} };

  function absentIn(kind) { var a = seed.absent || {}; return (a[kind] || []).concat(a['*'] || []); }
  // Removes the members an older Excel does not have (seed.absent); readable ones are never defined.
  function limit(p, kind) { absentIn(kind).forEach(function (m) { delete p[m]; }); return p; }

  function proxy(ctx, target, readable, kind) {
    var o = { __ctx: ctx, __loaded: false, __pending: false, __synced: false };
    ctx.proxies.push(o);
    o.load = function () { o.__pending = true; return o; };
    var gone = absentIn(kind);
    Object.keys(readable).filter(function (key) { return gone.indexOf(key) < 0; }).forEach(function (key) {
      Object.defineProperty(o, key, {
        enumerable: true,
        get: function () {
          if (!o.__loaded) throw officeError('PropertyNotLoaded', 'The property \'' + key + '\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.');
          return readable[key]();
        },
        set: function (v) { if (target.set && target.set[key]) target.set[key](v); else throw officeError('InvalidOperation', 'The property ' + key + ' is read-only.'); },
      });
    });
    if (gone.indexOf('isNullObject') < 0) Object.defineProperty(o, 'isNullObject', {
      get: function () {
        if (!o.__synced) throw officeError('PropertyNotLoaded', 'isNullObject is not available before context.sync().');
        return !!target.isNull;
      },
    });
    return o;
  }

  function record(op, sheet, address, value) { log.push({ op: op, sheet: sheet ? sheet.name : undefined, address: address, value: value }); }

  function formatProxy(ctx, sheet, area) {
    var addr = areaAddress(area);
    function each(fn) { for (var r = 0; r < area.rows; r++) for (var c = 0; c < area.cols; c++) fn(cell(sheet, area.r + r, area.c + c, true)); }
    function setter(op, apply) { return function (v) { record(op, sheet, addr, v); each(function (x) { apply(x, v); }); }; }
    var font = {};
    ['name', 'size', 'bold', 'italic', 'color'].forEach(function (k) {
      Object.defineProperty(font, k, { enumerable: true, set: setter('format.font.' + k, function (x, v) { x.font = x.font || {}; x.font[k] = v; }), get: function () { throw officeError('PropertyNotLoaded', 'font.' + k + ' not loaded'); } });
    });
    var fill = {};
    Object.defineProperty(fill, 'color', { set: setter('format.fill.color', function (x, v) { x.fill = v; }) });
    var f = { font: font, fill: fill, borders: { getItem: function (edge) {
      var allowed = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
      if (allowed.indexOf(edge) < 0) throw officeError('InvalidArgument', 'Unknown border ' + edge);
      if (edge === 'InsideVertical' && area.cols < 2) throw officeError('InvalidArgument', 'InsideVertical on a one-column range ' + addr);
      if (edge === 'InsideHorizontal' && area.rows < 2) throw officeError('InvalidArgument', 'InsideHorizontal on a one-row range ' + addr);
      var b = {};
      ['style', 'weight', 'color'].forEach(function (k) {
        Object.defineProperty(b, k, { set: setter('format.borders.' + edge + '.' + k, function (x, v) { x.borders = x.borders || {}; if (k === 'style') x.borders[edge] = v; }) });
      });
      return b;
    } } };
    var simple = { horizontalAlignment: 'horizontal', verticalAlignment: 'vertical', wrapText: 'wrap', indentLevel: 'indent' };
    Object.keys(simple).forEach(function (k) {
      Object.defineProperty(f, k, { set: setter('format.' + k, function (x, v) { x[simple[k]] = v; }) });
    });
    Object.defineProperty(f, 'columnWidth', { set: function (v) { record('format.columnWidth', sheet, addr, v); for (var c = 0; c < area.cols; c++) sheet.colWidths[colLetters(area.c + c)] = v; } });
    Object.defineProperty(f, 'rowHeight', { set: function (v) { record('format.rowHeight', sheet, addr, v); for (var r = 0; r < area.rows; r++) sheet.rowHeights[String(area.r + r + 1)] = v; } });
    f.autofitColumns = function () { record('format.autofitColumns', sheet, addr); };
    f.autofitRows = function () { record('format.autofitRows', sheet, addr); };
    return f;
  }

  function matrixFor(area, v, what) {
    if (!Array.isArray(v)) { var m = []; for (var r = 0; r < area.rows; r++) { var row = []; for (var c = 0; c < area.cols; c++) row.push(v); m.push(row); } return m; }
    if (v.length !== area.rows || v.some(function (row) { return !Array.isArray(row) || row.length !== area.cols; })) {
      throw officeError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range (' + what + ' ' + areaAddress(area) + ': range ' + area.rows + 'x' + area.cols + ', array ' + v.length + 'x' + (Array.isArray(v[0]) ? v[0].length : '?') + ').');
    }
    return v;
  }

  function rangeProxy(ctx, sheet, area) {
    var addr = areaAddress(area);
    function grid(read) { var out = []; for (var r = 0; r < area.rows; r++) { var row = []; for (var c = 0; c < area.cols; c++) row.push(read(sheet, area.r + r, area.c + c)); out.push(row); } return out; }
    var target = { set: {
      values: function (v) {
        var m = matrixFor(area, v, 'values');
        record('values', sheet, addr, m);
        m.forEach(function (row, r) { row.forEach(function (x, c) {
          if (x === null) return;
          var t = cell(sheet, area.r + r, area.c + c, true);
          // As Range.values documents: a string starting with =, + or - (or @) becomes a formula,
          // unless the cell is formatted as text ("@"). Signed numbers ("-5") stay values here.
          var formulaLike = typeof x === 'string' && (x.charAt(0) === '=' || /^[+\-@][^0-9.\s]/.test(x));
          if (formulaLike && t.nf !== '@') { t.f = x.charAt(0) === '=' ? x : '=' + x; delete t.v; } else { t.v = x; delete t.f; }
        }); });
      },
      formulas: function (v) {
        var m = matrixFor(area, v, 'formulas');
        record('formulas', sheet, addr, m);
        m.forEach(function (row, r) { row.forEach(function (x, c) {
          if (x === null) return;
          var t = cell(sheet, area.r + r, area.c + c, true);
          if (typeof x === 'string' && x.charAt(0) === '=') { t.f = x; delete t.v; } else { t.v = x; delete t.f; }
        }); });
      },
      numberFormat: function (v) {
        var m = matrixFor(area, v, 'numberFormat');
        record('numberFormat', sheet, addr, m);
        m.forEach(function (row, r) { row.forEach(function (x, c) { cell(sheet, area.r + r, area.c + c, true).nf = x; }); });
      },
    } };
    var p = proxy(ctx, target, {
      values: function () { return grid(readValue); },
      formulas: function () { return grid(readFormula); },
      numberFormat: function () { return grid(function (s, r, c) { var x = cell(s, r, c, false); return x && x.nf ? x.nf : 'General'; }); },
      address: function () { return quoteSheet(sheet.name) + '!' + addr; },
      rowIndex: function () { return area.r; },
      columnIndex: function () { return area.c; },
      rowCount: function () { return area.rows; },
      columnCount: function () { return area.cols; },
    }, 'Range');
    p.format = formatProxy(ctx, sheet, area);
    // The stub's own way to the address, without load(): for charts and names.add.
    p.__rawAddress = function () { return quoteSheet(sheet.name) + '!' + addr; };
    p.worksheet = sheetProxy(ctx, sheet);
    p.merge = function (across) { record('merge', sheet, addr, !!across); sheet.merges.push(addr); };
    p.clear = function (what) { record('clear', sheet, addr, what); for (var r = 0; r < area.rows; r++) for (var c = 0; c < area.cols; c++) { var x = cell(sheet, area.r + r, area.c + c, false); if (x) { delete x.v; delete x.f; } } };
    p.getCell = function (r, c) { return rangeProxy(ctx, sheet, { r: area.r + r, c: area.c + c, rows: 1, cols: 1 }); };
    p.getOffsetRange = function (dr, dc) { return rangeProxy(ctx, sheet, { r: area.r + dr, c: area.c + dc, rows: area.rows, cols: area.cols }); };
    p.getResizedRange = function (dr, dc) { return rangeProxy(ctx, sheet, { r: area.r, c: area.c, rows: area.rows + dr, cols: area.cols + dc }); };
    p.conditionalFormats = { add: function (type) {
      var cf = { address: addr, type: type };
      sheet.cfs.push(cf);
      record('conditionalFormats.add', sheet, addr, type);
      var fmt = { fill: {}, font: {} };
      Object.defineProperty(fmt.fill, 'color', { set: function (v) { cf.fill = v; record('conditionalFormat.fill', sheet, addr, v); } });
      Object.defineProperty(fmt.font, 'color', { set: function (v) { cf.fontColor = v; record('conditionalFormat.font', sheet, addr, v); } });
      var cellValue = { format: fmt };
      Object.defineProperty(cellValue, 'rule', { set: function (v) { cf.rule = v; record('conditionalFormat.rule', sheet, addr, v); } });
      return { cellValue: cellValue, type: type };
    } };
    return limit(p, 'Range');
  }

  function sheetProxy(ctx, sheet) {
    var p = proxy(ctx, {}, { name: function () { return sheet.name; } }, 'Worksheet');
    p.getRange = function (address) { return rangeProxy(ctx, sheet, parseArea(String(address).replace(/\$/g, ''))); };
    p.getRangeByIndexes = function (r, c, rows, cols) {
      if (rows < 1 || cols < 1) throw officeError('InvalidArgument', 'getRangeByIndexes needs at least one row and one column');
      return rangeProxy(ctx, sheet, { r: r, c: c, rows: rows, cols: cols });
    };
    p.activate = function () { wb.sheets.forEach(function (s) { s.activated = false; }); sheet.activated = true; wb.active = sheet; record('activate', sheet); };
    p.delete = function () { wb.sheets.splice(wb.sheets.indexOf(sheet), 1); record('deleteSheet', sheet); };
    p.freezePanes = { freezeRows: function (n) { sheet.freezeRows = n; record('freezeRows', sheet, undefined, n); } };
    p.charts = { add: function (type, range, seriesBy) {
      var chart = { type: type, source: splitRef(range.__rawAddress()).address, seriesBy: seriesBy, title: '' };
      sheet.charts.push(chart);
      record('charts.add', sheet, chart.source, type);
      var title = {};
      Object.defineProperty(title, 'text', { set: function (v) { chart.title = v; record('chart.title', sheet, chart.source, v); } });
      var legend = {};
      Object.defineProperty(legend, 'position', { set: function (v) { chart.legend = v; } });
      return { title: title, legend: legend, setPosition: function (a, b) { chart.position = [a, b]; record('chart.setPosition', sheet, a + ':' + b); }, axes: { valueAxis: {}, categoryAxis: {} } };
    } };
    var layout = sheet.pageLayout;
    var pl = {
      setPrintTitleRows: function (v) { layout.printTitleRows = v; record('pageLayout.setPrintTitleRows', sheet, undefined, v); },
      setPrintArea: function (v) { layout.printArea = v; record('pageLayout.setPrintArea', sheet, undefined, v); },
      headersFooters: { defaultForAllPages: {} },
    };
    Object.defineProperty(pl.headersFooters.defaultForAllPages, 'centerFooter', { set: function (v) { layout.centerFooter = v; record('pageLayout.centerFooter', sheet, undefined, v); } });
    ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin', 'headerMargin', 'footerMargin'].forEach(function (k) {
      Object.defineProperty(pl, k, { set: function (v) { layout[k] = v; record('pageLayout.' + k, sheet, undefined, v); } });
    });
    Object.defineProperty(p, 'pageLayout', { get: function () {
      if (seed.noPageLayout) throw officeError('ApiNotFound', 'The API you are trying to use could not be found (ExcelApi 1.9).');
      return pl;
    } });
    return limit(p, 'Worksheet');
  }

  function tableProxy(ctx, name) {
    var t = wb.tables[name];
    var p = proxy(ctx, { isNull: !t }, { name: function () { return name; } }, 'Table');
    if (!t) return p;
    p.getRange = function () { return rangeProxy(ctx, t.sheet, { r: t.r, c: t.c, rows: t.bodyRows + 1, cols: t.cols }); };
    p.getHeaderRowRange = function () { return rangeProxy(ctx, t.sheet, { r: t.r, c: t.c, rows: 1, cols: t.cols }); };
    p.getDataBodyRange = function () { return rangeProxy(ctx, t.sheet, { r: t.r + 1, c: t.c, rows: Math.max(1, t.bodyRows), cols: t.cols }); };
    p.worksheet = sheetProxy(ctx, t.sheet);
    p.rows = {
      add: function (index, values) {
        var m = values || [[]];
        if (index !== undefined && index !== null) throw officeError('InvalidArgument', 'the stub only appends table rows');
        m.forEach(function (row, i) {
          if (row.length !== t.cols) throw officeError('InvalidArgument', 'table row of ' + row.length + ' values for ' + t.cols + ' columns');
          row.forEach(function (v, c) { cell(t.sheet, t.r + 1 + t.bodyRows + i, t.c + c, true).v = v; });
        });
        t.bodyRows += m.length;
        record('table.rows.add', t.sheet, name, m.length);
      },
      getItemAt: function (i) {
        return { delete: function () {
          if (i >= t.bodyRows) throw officeError('ItemNotFound', 'table ' + name + ' has no row ' + i);
          for (var r = i; r < t.bodyRows - 1; r++) for (var c = 0; c < t.cols; c++) {
            var below = cell(t.sheet, t.r + 2 + r, t.c + c, false);
            t.sheet.cells[cellName(t.r + 1 + r, t.c + c)] = below ? JSON.parse(JSON.stringify(below)) : {};
          }
          for (var c2 = 0; c2 < t.cols; c2++) delete t.sheet.cells[cellName(t.r + t.bodyRows, t.c + c2)];
          t.bodyRows -= 1;
          record('table.rows.delete', t.sheet, name, i);
        } };
      },
    };
    return limit(p, 'Table');
  }

  function nameProxy(ctx, name) {
    var n = wb.names[name];
    var p = proxy(ctx, { isNull: !n }, { name: function () { return name; }, type: function () { return n ? n.type : ''; }, visible: function () { return true; } }, 'NamedItem');
    p.getRange = function () { if (!n) throw officeError('ItemNotFound', 'No name ' + name); return rangeProxy(ctx, n.sheet, n.area); };
    p.delete = function () { delete wb.names[name]; record('names.delete', null, name); };
    return limit(p, 'NamedItem');
  }

  function collection(ctx, itemsFn) {
    var p = proxy(ctx, {}, { items: itemsFn });
    return p;
  }

  function workbookProxy(ctx) {
    var p = proxy(ctx, {}, { name: function () { return wb.name; } }, 'Workbook');
    var worksheets = collection(ctx, function () { return wb.sheets.map(function (s) { var x = sheetProxy(ctx, s); x.__loaded = true; return x; }); });
    worksheets.add = function (name) {
      if (findSheet(name)) throw officeError('ItemAlreadyExists', 'A sheet named ' + name + ' already exists.');
      if (name.length > 31 || /[\[\]:*?\/\\]/.test(name)) throw officeError('InvalidArgument', 'Bad sheet name ' + name);
      var s = newSheet(name);
      record('worksheets.add', s);
      return sheetProxy(ctx, s);
    };
    worksheets.getItem = function (name) { var s = findSheet(name); if (!s) throw officeError('ItemNotFound', 'No sheet ' + name); return sheetProxy(ctx, s); };
    worksheets.getActiveWorksheet = function () { return sheetProxy(ctx, wb.active); };
    p.worksheets = limit(worksheets, 'WorksheetCollection');
    var names = collection(ctx, function () { return Object.keys(wb.names).map(function (n) { var x = nameProxy(ctx, n); x.__loaded = true; x.__synced = true; return x; }); });
    names.getItem = function (n) { if (!wb.names[n]) throw officeError('ItemNotFound', 'No name ' + n); return nameProxy(ctx, n); };
    names.getItemOrNullObject = function (n) { return nameProxy(ctx, n); };
    names.add = function (n, range) {
      var ref = splitRef(range.__rawAddress());
      wb.names[n] = { sheet: findSheet(ref.sheet), area: parseArea(ref.address), type: 'Range' };
      record('names.add', findSheet(ref.sheet), n, ref.address);
    };
    p.names = limit(names, 'NamedItemCollection');
    var tables = collection(ctx, function () { return Object.keys(wb.tables).map(function (n) { var x = tableProxy(ctx, n); x.__loaded = true; x.__synced = true; return x; }); });
    tables.getItem = function (n) { if (!wb.tables[n]) throw officeError('ItemNotFound', 'No table ' + n); return tableProxy(ctx, n); };
    tables.getItemOrNullObject = function (n) { return tableProxy(ctx, n); };
    p.tables = limit(tables, 'TableCollection');
    p.getSelectedRange = function () {
      if (!wb.selection) throw officeError('InvalidSelection', 'Nothing is selected');
      return rangeProxy(ctx, wb.selection.sheet, wb.selection.area);
    };
    p.application = { calculate: function () { record('calculate'); } };
    return limit(p, 'Workbook');
  }

  window.Excel = {
    run: function (fn) {
      var ctx = new Context();
      return Promise.resolve().then(function () { return fn(ctx); }).then(function (result) { return ctx.sync().then(function () { return result; }); });
    },
  };

  function dump(name) {
    var s = findSheet(name);
    if (!s) return null;
    var cells = {};
    Object.keys(s.cells).forEach(function (k) {
      var x = s.cells[k];
      var out = {};
      if (x.v !== undefined) out.value = x.v;
      if (x.f !== undefined) out.formula = x.f;
      if (x.nf !== undefined) out.numberFormat = x.nf;
      if (x.font) out.font = x.font;
      if (x.fill) out.fill = x.fill;
      if (x.horizontal) out.horizontal = x.horizontal;
      if (x.vertical) out.vertical = x.vertical;
      if (x.wrap !== undefined) out.wrap = x.wrap;
      if (x.indent !== undefined) out.indent = x.indent;
      if (x.borders) out.borders = x.borders;
      if (Object.keys(out).length > 0) cells[k] = out;
    });
    return {
      name: s.name, cells: cells, merges: s.merges.slice(),
      charts: JSON.parse(JSON.stringify(s.charts)),
      conditionalFormats: JSON.parse(JSON.stringify(s.cfs)),
      pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
      freezeRows: s.freezeRows, columnWidths: Object.assign({}, s.colWidths), rowHeights: Object.assign({}, s.rowHeights), activated: s.activated,
    };
  }

  window.__excel = {
    log: log,
    dump: dump,
    sheetNames: function () { return wb.sheets.map(function (s) { return s.name; }); },
    names: function () { var out = {}; Object.keys(wb.names).forEach(function (n) { var x = wb.names[n]; out[n] = quoteSheet(x.sheet.name) + '!' + areaAddress(x.area); }); return out; },
    tables: function () { var out = {}; Object.keys(wb.tables).forEach(function (n) { var t = wb.tables[n]; out[n] = quoteSheet(t.sheet.name) + '!' + areaAddress({ r: t.r, c: t.c, rows: t.bodyRows + 1, cols: t.cols }); }); return out; },
    /** Types values into cells, as a user would (rows from the range's top-left). */
    set: function (ref, values) {
      var x = resolveRef(ref);
      values.forEach(function (row, r) { row.forEach(function (v, c) { var t = cell(x.sheet, x.area.r + r, x.area.c + c, true); t.v = v; delete t.f; }); });
    },
    select: function (ref) { var x = resolveRef(ref); wb.selection = { sheet: x.sheet, area: x.area }; },
    clearLog: function () { log.length = 0; },
  };
})
`;

/** The stub as a script for page.addInitScript, with the workbook to start from. */
export function excelStubScript(seed: ExcelSeed = {}): string {
  return `${STUB}(${JSON.stringify(seed)});`;
}
