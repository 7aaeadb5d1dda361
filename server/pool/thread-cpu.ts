/**
 * The CPU time one thread of this process has used, so a calculation's budget counts the
 * work it did and not the time it waited for a core (issue 15 §1: the largest allowed plan
 * needs about 9 s of a core here, but took 146 s of wall time on a machine loaded 10-fold).
 *
 * Linux keeps it per thread: fields 14 and 15 (utime, stime) of /proc/self/task/<tid>/stat,
 * in clock ticks of 1/100 s (USER_HZ, 100 on every Linux architecture Node supports). A
 * worker learns its own kernel thread id from the /proc/thread-self link. Elsewhere (no
 * /proc) both answer undefined and the pool falls back to wall time.
 */
import { readFileSync, readlinkSync } from 'node:fs';

const MS_PER_TICK = 10;

/** The calling thread's kernel thread id ("<pid>/task/<tid>"), or undefined without /proc. */
export function ownThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds of CPU thread `tid` of this process has used (user + system), or undefined when it cannot be read (or has ended). */
export function threadCpuMs(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}
