/**
 * What a clerk reads when the calculation service cannot be reached, in a cell's error
 * tooltip and in the task pane alike: whom to contact and the address that was tried, so
 * the administrator can act on it. Nothing a clerk cannot do (no commands to run).
 */
import type { Bilingual } from '../../formulas/core/errors.js';

export function unreachableMessage(url: string): Bilingual {
  return {
    zh: `无法连接计算服务（尝试的地址：${url}）。请联系本局负责本加载项的信息化管理员，告诉他这个地址；也可在任务窗格“连接与设置”页核对地址是否正确。`,
    en: `Cannot reach the calculation service (address tried: ${url}). Contact the bureau's IT administrator who looks after this add-in and give them this address; you can also check the address on the task pane's Connection page.`,
  };
}
