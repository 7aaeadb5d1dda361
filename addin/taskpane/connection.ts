/**
 * Checks that the service answers at the configured address and which functions it
 * offers, so the pane can say in plain words whether the EDU functions will calculate.
 */
export interface ConnectionState {
  ok: boolean;
  zh: string;
  en: string;
  functions: { name: string; summary: { zh: string; en: string } }[];
}

export async function checkConnection(baseUrl: string, fetchFn: typeof fetch, authHeader: string | undefined): Promise<ConnectionState> {
  const headers: Record<string, string> = authHeader ? { authorization: authHeader } : {};
  try {
    const health = await fetchFn(`${baseUrl}/healthz`);
    if (!health.ok) throw new Error(`HTTP ${health.status}`);
    const catalog = await fetchFn(`${baseUrl}/api/v1/functions`, { headers });
    if (catalog.status === 401 || catalog.status === 403) {
      return { ok: false, zh: '服务要求登录：请在下方填写令牌', en: 'The service requires sign-in: enter your token below', functions: [] };
    }
    if (!catalog.ok) throw new Error(`HTTP ${catalog.status}`);
    const body = (await catalog.json()) as { functions: ConnectionState['functions'] };
    return {
      ok: true,
      zh: `已连接，可用函数 ${body.functions.length} 个`,
      en: `Connected: ${body.functions.length} functions available`,
      functions: body.functions,
    };
  } catch (err) {
    return {
      ok: false,
      zh: `无法连接 ${baseUrl}：请确认服务已启动，并检查下方的服务地址`,
      en: `Cannot reach ${baseUrl} (${err instanceof Error ? err.message : String(err)}): make sure the service is running and check the address below`,
      functions: [],
    };
  }
}
