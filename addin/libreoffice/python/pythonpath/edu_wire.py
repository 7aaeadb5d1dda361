# The wire side of the EDU add-in for Calc, free of UNO so a plain python3 can run it
# (test/libreoffice/calc-wire.test.ts checks it against contracts/calc.ts): Calc's arguments
# as the batch body of POST /api/v1/calc, and the service's answer as the matrix Calc shows.
# LibreOffice puts the extension's pythonpath/ folder on sys.path for edu_calc.py.
import json
import logging
import struct

log = logging.getLogger('edu-calc')

# Calc's error numbers (formula/errorcodes.hxx): what each service error code shows as.
CALC_ERRORS = {'VALUE': 519, 'NA': 32767, 'NUM': 503, 'DIV0': 532}


def calc_error(code):
    """A Calc error value: quiet NaN carrying the error number in its low bits."""
    return struct.unpack('<d', struct.pack('<Q', 0x7FF8000000000000 | CALC_ERRORS.get(code, 519)))[0]


def to_wire(value, param):
    """A Calc argument as the service's JSON: blanks (None) stay null, ranges become lists of rows.

    Calc has no boolean type: TRUE and FALSE reach an add-in as 1 and 0. Unlike Excel desktop,
    Calc passes a blank cell as None, so for a TRUE/FALSE parameter 1 and 0 are unambiguous.
    """
    def cell(c):
        if param['boolean'] and isinstance(c, float) and c in (0.0, 1.0):
            return c == 1.0
        return c
    if isinstance(value, tuple):
        return [[cell(c) for c in row] for row in value]
    if param['matrix'] and value is not None:
        return [[cell(value)]]
    return cell(value)


def wire_args(spec, raw_args):
    """One call's arguments, in the order of the function's parameters (spec: its edu_functions.json entry)."""
    return [to_wire(a, p) for a, p in zip(raw_args, spec['params'])]


def batch_body(fn, args):
    """The request body: a batch of one call (contracts/calc.ts, calcBatchBodySchema)."""
    return json.dumps({'calls': [{'fn': fn, 'args': args}]}).encode('utf-8')


def batch_results(reply):
    """The outcomes in a batch answer's bytes (calcBatchResultSchema); ValueError when it is not JSON."""
    return json.loads(reply.decode('utf-8')).get('results', [])


def cell_from_wire(value):
    """A result cell as Calc takes it: booleans as 1/0 (Calc's TRUE is 1), an error as its error value."""
    if isinstance(value, dict) and 'error' in value:
        return calc_error(value['error'].get('code'))
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if value is None:
        return ''
    return value


def matrix_from_wire(outcome):
    """One outcome (a value, or an error logged in both languages) as rows of cells."""
    if 'error' in outcome:
        err = outcome['error']
        log.warning('EDU: %s / %s', err.get('zh', ''), err.get('en', ''))
        return ((calc_error(err.get('code')),),)
    value = outcome['value']
    rows = value if isinstance(value, list) else [[value]]
    return tuple(tuple(cell_from_wire(c) for c in row) for row in rows)
