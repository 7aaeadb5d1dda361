# The EDU functions in LibreOffice Calc: a Python UNO add-in generated around the registry.
#
# Calc calls an add-in function synchronously, one cell at a time, through the interface
# in edu.rdb (XEduFunctions, one method per registry function, every argument `any`, so
# optional arguments arrive as None and ranges as tuples of rows). Each call goes to the
# service's batch endpoint POST /api/v1/calc as a batch of one; results of pure functions
# are cached for the session, as the Office add-in's batching client does.
#
# Results always come back as a matrix (sequence<sequence<any>>): in an ordinary cell Calc
# shows its top-left value, in an array formula (Ctrl+Shift+Enter) every value. Errors are
# Calc error values: a double NaN whose payload is Calc's error number (FormulaError in
# LibreOffice's formula/errorcodes.hxx), which Calc shows as #VALUE!, #N/A, #NUM!, #DIV/0!.
# Calc shows no custom text for an error value, so the bilingual message goes to the log.
# Those conversions, free of UNO, are in pythonpath/edu_wire.py; this file holds the UNO side.
#
# A second component, EduXlsxNames, runs when a document finishes loading (the OnLoadFinished
# job event, raised for hidden and headless loads too): a workbook Excel
# wrote stores EDU.APPORTION( as _xldudf_EDU_APPORTION(, which Calc 7.4's .xlsx import does not
# map through the add-in's names (tested: test/libreoffice/calc-extension.test.ts), so the
# job rewrites those formulas to EDU.APPORTION( and widens a one-cell array formula to the
# size of its result, the area Excel would have spilled into.
import json
import logging
import os
import re
import socket
import urllib.error
import urllib.request

import uno
import unohelper
from com.sun.star.task import XJob
from cn.edu.county.calc import XEduFunctions
from edu_wire import batch_body, batch_results, matrix_from_wire, wire_args

IMPLEMENTATION = 'EDU'
CONVERTER = 'cn.edu.county.calc.EduXlsxNames'
SETTINGS_NODE = '/cn.edu.county.calc.Settings/Service'
FUNCTIONS = json.load(open(os.path.join(os.path.dirname(__file__), 'edu_functions.json'), encoding='utf-8'))
BY_ID = {f['id']: f for f in FUNCTIONS}
# The client core's message set (client/failures.ts), written in at build: the same words as Excel and WPS.
MESSAGES = json.load(open(os.path.join(os.path.dirname(__file__), 'edu_messages.json'), encoding='utf-8'))
TIMEOUT_SECONDS = 30

log = logging.getLogger('edu-calc')

def read_settings(ctx):
    """Service address and sign-in token: EDU_SERVICE_URL wins (automated runs), else the extension's settings."""
    url, token = '', ''
    try:
        provider = ctx.ServiceManager.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
        arg = uno.createUnoStruct('com.sun.star.beans.PropertyValue')
        arg.Name, arg.Value = 'nodepath', SETTINGS_NODE
        node = provider.createInstanceWithArguments('com.sun.star.configuration.ConfigurationAccess', (arg,))
        url, token = node.getPropertyValue('Url'), node.getPropertyValue('Token')
    except Exception as exc:  # settings missing: the environment may still name the service
        log.warning('EDU settings unreadable: %s', exc)
    return (os.environ.get('EDU_SERVICE_URL') or url or '').rstrip('/'), os.environ.get('EDU_SERVICE_TOKEN') or token or ''


def transport_error(words, **fill):
    """#N/A with words from MESSAGES (or the service's own), `{url}` / `{detail}` filled in."""
    zh, en = words['zh'], words['en']
    for key, value in fill.items():
        zh, en = zh.replace('{' + key + '}', str(value)), en.replace('{' + key + '}', str(value))
    log.warning('EDU: %s / %s', zh, en)
    return {'error': {'code': 'NA', 'zh': zh, 'en': en}}


def refusal_words(exc):
    """The service's own words for a refusal (contracts/errors.ts), else the client core's for its status."""
    try:
        said = json.loads(exc.read().decode('utf-8')).get('error', {})
        if isinstance(said.get('zh'), str) and isinstance(said.get('en'), str):
            return said
    except (ValueError, AttributeError, OSError):
        pass
    return MESSAGES['status'].get(str(exc.code)) or MESSAGES['status']['500' if exc.code >= 500 else '400']


class EduFunctions(unohelper.Base, XEduFunctions):
    cache = {}

    def __init__(self, ctx):
        self.ctx = ctx

    def call(self, fn, raw_args):
        spec = BY_ID[fn]
        args = wire_args(spec, raw_args)
        key = json.dumps([fn, args]) if spec['pure'] else None
        if key in self.cache:
            return self.cache[key]
        outcome = self.post(fn, args)
        result = matrix_from_wire(outcome)
        if key is not None and 'value' in outcome:
            self.cache[key] = result
        return result

    def post(self, fn, args):
        url, token = read_settings(self.ctx)
        if not url:
            return transport_error({'zh': '未设置服务地址：工具 › 选项 › 高级 › 专家配置，搜索 cn.edu.county.calc，填写 Url', 'en': 'No service address: Tools › Options › Advanced › Expert Configuration, search cn.edu.county.calc and fill in Url'})
        body = batch_body(fn, args)
        headers = {'Content-Type': 'application/json'}
        if token:
            headers['Authorization'] = 'Bearer ' + token
        try:
            with urllib.request.urlopen(urllib.request.Request(url + '/api/v1/calc', body, headers), timeout=TIMEOUT_SECONDS) as reply:
                results = batch_results(reply.read())
        except urllib.error.HTTPError as exc:
            return transport_error(refusal_words(exc))
        except (TimeoutError, socket.timeout):
            return transport_error(MESSAGES['timeout'])
        except (urllib.error.URLError, OSError) as exc:
            if isinstance(getattr(exc, 'reason', None), (TimeoutError, socket.timeout)):
                return transport_error(MESSAGES['timeout'])
            return transport_error(MESSAGES['unreachable'], url=url)
        except json.JSONDecodeError:
            return transport_error(MESSAGES['malformed'], url=url + '/api/v1/calc', detail='not JSON')
        except ValueError:  # an address urllib cannot use (no http://)
            return transport_error(MESSAGES['unreachable'], url=url)
        if len(results) != 1:
            return transport_error(MESSAGES['malformed'], url=url + '/api/v1/calc', detail=f'1 call, {len(results)} results')
        return results[0]


def add_method(fn):
    setattr(EduFunctions, fn, lambda self, *args: self.call(fn, args))


for _f in FUNCTIONS:
    add_method(_f['id'])

STORED_NAME = re.compile(r'_xldudf_EDU_([A-Z0-9_]+)\(', re.IGNORECASE)


def typed_formula(stored):
    """_xldudf_EDU_APPORTION( -> EDU.APPORTION(, for the ids the registry knows (their ids hold no underscore)."""
    return STORED_NAME.sub(lambda m: f'EDU.{m.group(1).upper()}(' if m.group(1).upper() in BY_ID else m.group(0), stored)


def result_size(area, formula):
    """Rows and columns of a formula's result, asked of Calc itself through ROWS() and COLUMNS()."""
    size = []
    for fn in ('ROWS', 'COLUMNS'):
        area.setArrayFormula(f'={fn}({formula[1:]})')
        corner = area.getCellByPosition(0, 0)
        size.append(max(1, int(corner.getValue())) if corner.getError() == 0 else 1)
    return size


def model_of(args):
    """The document a job was started for: the Model of its environment, or its frame's."""
    env = {e.Name: e.Value for a in args if a.Name == 'Environment' for e in a.Value}
    if env.get('Model') is not None:
        return env['Model']
    frame = env.get('Frame')
    return frame.getController().getModel() if frame is not None else None


class EduXlsxNames(unohelper.Base, XJob):
    def __init__(self, ctx):
        self.ctx = ctx

    def execute(self, args):
        model = model_of(args)
        if model is not None and hasattr(model, 'Sheets'):
            convert_workbook(model)
        return None


def convert_workbook(doc):
    """Rewrites every _xldudf_EDU_ call in the workbook; returns how many formulas changed.

    It runs on every spreadsheet opened, so each block of formula cells is read in one call
    (getFormulaArray) and only the cells holding an Excel EDU name are touched one by one.
    """
    changed = 0
    for sheet in doc.Sheets:
        found = sheet.queryContentCells(16)  # com.sun.star.sheet.CellFlags.FORMULA
        done = set()
        for ra in found.getRangeAddresses():
            block = sheet.getCellRangeByPosition(ra.StartColumn, ra.StartRow, ra.EndColumn, ra.EndRow).getFormulaArray()
            for r, formulas in enumerate(block):
                for c, formula in enumerate(formulas):
                    if '_xldudf_edu_' in formula.lower():
                        changed += convert_cell(sheet, sheet.getCellByPosition(ra.StartColumn + c, ra.StartRow + r), done)
    return changed


def convert_cell(sheet, cell, done):
    stored = cell.getFormula()
    is_array = stored.startswith('{')
    text = stored[1:-1] if is_array else stored
    typed = typed_formula(text)
    if typed == text:
        return 0
    if not is_array:
        cell.setFormula(typed)
        return 1
    cursor = sheet.createCursorByRange(cell)
    cursor.collapseToCurrentArray()
    a = cursor.getRangeAddress()
    if (a.StartColumn, a.StartRow) in done:
        return 0
    done.add((a.StartColumn, a.StartRow))
    area = sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
    rows, cols = result_size(area, typed)
    area.clearContents(1 | 2 | 4 | 16)  # VALUE, DATETIME, STRING, FORMULA
    rows, cols = max(rows, a.EndRow - a.StartRow + 1), max(cols, a.EndColumn - a.StartColumn + 1)
    sheet.getCellRangeByPosition(a.StartColumn, a.StartRow, a.StartColumn + cols - 1, a.StartRow + rows - 1).setArrayFormula(typed)
    return 1


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(EduFunctions, IMPLEMENTATION, ('com.sun.star.sheet.AddIn',))
g_ImplementationHelper.addImplementation(EduXlsxNames, CONVERTER, ('com.sun.star.task.Job',))
