/**
 * The two routes outside /api, which need no sign-in:
 *   GET /healthz            -> { status: "ok" | "unavailable", storage?, records? } (503 when the store does not answer)
 *   GET /downloads/{token}  -> a file kept behind a one-time link: the system browser that
 *                              opens it (Excel for Mac) carries no sign-in token.
 */
import type { RequestContext } from '../context.js';
import { contentDisposition } from '../jobs/form-export.js';
import { ServiceError } from '../service-error.js';
import type { Endpoints } from './endpoint.js';

export function serviceEndpoints(ctx: RequestContext): Pick<Endpoints, 'health' | 'download'> {
  const { storage } = ctx;
  return {
    health: {
      handle: async (_req, res) => {
        if (!storage) return { status: 'ok' };
        const records = ctx.deps.recordsHealth?.state();
        const state = { storage: storage.kind, ...(records ? { records } : {}) };
        try {
          await storage.ping();
          return { status: 'ok', ...state };
        } catch {
          res.status(503);
          return { status: 'unavailable', ...state };
        }
      },
    },
    download: {
      handle: (req, res) => {
        const file = ctx.downloads.take(req.params.token);
        if (!file) {
          throw new ServiceError(404, 'LINK_GONE', {
            zh: '下载链接已用过或已过期（5 分钟内有效，只能用一次）：请回到 Excel 任务窗格再点一次“下载”',
            en: 'This download link was used already or has expired (it works once, within 5 minutes): click Download in the Excel task pane again',
          });
        }
        res.set('Cache-Control', 'no-store').type(file.type).set('Content-Disposition', contentDisposition(file.fileName, 'download.xlsx')).send(file.bytes);
      },
    },
  };
}
