# Runs the Calc add-in's UNO-free wire module (addin/libreoffice/python/pythonpath/edu_wire.py)
# for calc-wire.test.ts, with arguments as Calc passes them: numbers as doubles, a range as a
# tuple of row tuples, an omitted argument as None.
#   python3 wire-driver.py body  < {"functions": [...edu_functions.json], "calls": [{"fn", "args"}]}  -> [request body, ...]
#   python3 wire-driver.py read  < [reply text, ...]                                                 -> [matrix, ...]
# In a matrix a Calc error value (NaN with a payload) is written {"calcError": <error number>}.
import json
import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'addin', 'libreoffice', 'python', 'pythonpath'))
from edu_wire import batch_body, batch_results, matrix_from_wire, wire_args  # noqa: E402


def as_calc(value):
    if isinstance(value, list):
        return tuple(as_calc(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def shown(cell):
    if isinstance(cell, float) and math.isnan(cell):
        return {'calcError': struct.unpack('<Q', struct.pack('<d', cell))[0] & 0xFFFF}
    return cell


task = json.load(sys.stdin)
if sys.argv[1] == 'body':
    by_id = {f['id']: f for f in task['functions']}
    out = [json.loads(batch_body(c['fn'], wire_args(by_id[c['fn']], [as_calc(a) for a in c['args']]))) for c in task['calls']]
else:
    out = [[[shown(c) for c in row] for row in matrix_from_wire(batch_results(reply.encode('utf-8'))[0])] for reply in task]
json.dump(out, sys.stdout)
