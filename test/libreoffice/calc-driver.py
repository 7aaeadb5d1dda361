# Drives a real LibreOffice Calc for test/libreoffice/calc-extension.test.ts (run with
# /usr/bin/python3, which has python3-uno):
#
#   calc-driver.py <profile-dir> <request.json> <answer.json>
#
# Starts soffice headless on the given user profile (where the EDU extension was added),
# opens the request's workbook (or a new one), writes the request's array formulas as a
# clerk would (FormulaLocal: the syntax typed in the cell), recalculates everything and
# writes back, per sheet, every EDU formula (as Calc reads it, with its array area) and the
# values of the used area: null for an empty cell, {"error": code} for an error value.
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CALC_ERRORS = {519: 'VALUE', 32767: 'NA', 503: 'NUM', 532: 'DIV0'}
FORMULA_CELLS, ERROR_RESULT = 16, 4  # com.sun.star.sheet.CellFlags.FORMULA, FormulaResult.ERROR


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, soffice):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(600):
        try:
            return resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
        except NoConnectException:
            if soffice.poll() is not None:
                raise RuntimeError('soffice exited before accepting connections')
            time.sleep(0.1)
    raise RuntimeError('soffice did not accept a connection within 60 s')


def addresses(ranges):
    for a in ranges.getRangeAddresses():
        for row in range(a.StartRow, a.EndRow + 1):
            for col in range(a.StartColumn, a.EndColumn + 1):
                yield col, row


def dump_sheet(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    values = [list(row) for row in used.getDataArray()]
    for col, row in addresses(used.queryEmptyCells()):
        values[row][col] = None
    formulas = []
    found = used.queryContentCells(FORMULA_CELLS)
    for col, row in addresses(found):
        cell = sheet.getCellByPosition(col, row)
        if cell.getError() != 0:
            values[row][col] = {'error': CALC_ERRORS.get(cell.getError(), f'Err:{cell.getError()}')}
        local = cell.getPropertyValue('FormulaLocal')
        if 'EDU' not in local.upper():
            continue
        area = sheet.createCursorByRange(cell)
        if local.startswith('{'):
            area.collapseToCurrentArray()
        a = area.getRangeAddress()
        if (a.StartColumn, a.StartRow) != (col, row):
            continue
        formulas.append({'col': col, 'row': row, 'formula': local, 'area': [a.StartColumn, a.StartRow, a.EndColumn, a.EndRow]})
    return {'name': sheet.getName(), 'values': values, 'formulas': formulas}


def main():
    profile, request_path, answer_path = sys.argv[1:4]
    request = json.load(open(request_path, encoding='utf-8'))
    pipe = f'edu-calc-{os.getpid()}'
    soffice = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
         f'-env:UserInstallation={uno.systemPathToFileUrl(profile)}', f'--accept=pipe,name={pipe};urp;'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        ctx = connect(pipe, soffice)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        started = time.monotonic()
        url = uno.systemPathToFileUrl(request['workbook']) if request.get('workbook') else 'private:factory/scalc'
        doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True),))
        if doc is None:
            raise RuntimeError(f'Calc could not open {url}')
        loaded = time.monotonic()
        sheet = doc.Sheets.getByIndex(0)
        for item in request.get('write', []):
            c, r, rows, cols = item['col'], item['row'], item['rows'], item['cols']
            area = sheet.getCellRangeByPosition(c, r, c + cols - 1, r + rows - 1)
            # A clerk's Ctrl+Shift+Enter: the array formula as typed (FormulaLocal) over the selected area.
            sheet.getCellByPosition(c, r).setPropertyValue('FormulaLocal', item['formula'])
            typed = sheet.getCellByPosition(c, r).getFormula()
            area.setArrayFormula(typed)
        doc.calculateAll()
        calculated = time.monotonic()
        answer = {
            'loadSeconds': loaded - started,
            'recalcSeconds': calculated - loaded,
            'sheets': [dump_sheet(s) for s in doc.Sheets],
        }
        if request.get('saveAs'):
            doc.storeToURL(uno.systemPathToFileUrl(request['saveAs']), (prop('FilterName', 'calc8'),))
        doc.close(True)
        json.dump(answer, open(answer_path, 'w', encoding='utf-8'), ensure_ascii=False)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the bridge closes as soffice quits
                pass
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            soffice.kill()


main()
