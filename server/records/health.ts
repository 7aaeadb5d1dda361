/**
 * The service verifies the hash chains when it starts (in the background: a large store
 * takes a while and /healthz must answer meanwhile). A break is logged as an error naming
 * the first row that does not match, and /healthz reports it until the next start.
 */
import type { Logger } from '../logger.js';
import type { ChainBreak, Storage } from '../storage/types.js';

export type RecordsState = { status: 'checking' } | { status: 'ok'; checkedAt: string } | { status: 'broken'; checkedAt: string; breaks: number; first: ChainBreak } | { status: 'unchecked'; error: string };

export class RecordsHealth {
  private current: RecordsState = { status: 'checking' };

  state(): RecordsState {
    return this.current;
  }

  async check(storage: Storage, logger: Logger): Promise<RecordsState> {
    this.current = { status: 'checking' };
    try {
      const report = await storage.verify();
      const checkedAt = new Date().toISOString();
      if (report.ok) {
        this.current = { status: 'ok', checkedAt };
        logger.log('info', 'records.verified', { rows: report.rows });
      } else {
        this.current = { status: 'broken', checkedAt, breaks: report.breaks.length, first: report.breaks[0]! };
        logger.log('error', 'records.chain-broken', { breaks: report.breaks.length, first: report.breaks[0], hint: 'npm run audit -- verify lists every break' });
      }
    } catch (err) {
      this.current = { status: 'unchecked', error: err instanceof Error ? err.message : String(err) };
      logger.log('error', 'records.verify-failed', { error: this.current.error });
    }
    return this.current;
  }
}
