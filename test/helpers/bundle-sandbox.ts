/**
 * The browser globals a built add-in bundle needs when it is run in a Node vm sandbox (as
 * Excel or WPS would load it), with a fetch that answers every call of a batch with
 * `answer` and records what was posted. The caller adds the host's own globals.
 */
export function bundleSandbox(posted: { fn: string; args: unknown[] }[], answer: unknown): Record<string, unknown> {
  const sandbox: Record<string, unknown> = {
    localStorage: { getItem: () => null, setItem: () => undefined, removeItem: () => undefined },
    setTimeout,
    clearTimeout,
    AbortController,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    URL,
    fetch: async (_url: string, init: { body: string }) => {
      const { calls } = JSON.parse(init.body) as { calls: { fn: string; args: unknown[] }[] };
      posted.push(...calls);
      return new Response(JSON.stringify({ results: calls.map(() => ({ value: answer })) }), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
  sandbox.window = sandbox;
  return sandbox;
}
