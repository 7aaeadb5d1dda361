/**
 * Where each route lives: its method and path, once, with no zod, so a browser bundle can
 * import it at run time (the client core, client/http.ts, sends `call('scenarios', …)` to
 * the path named here). routes.ts adds what each route takes and answers; the OpenAPI
 * document and the server's route test read both through routes.ts.
 */
export type Method = 'get' | 'post' | 'put' | 'delete';

export interface Endpoint {
  method: Method;
  /** An Express path under the service root (`:id` for a parameter). */
  path: string;
}

const at = <const M extends Method, const P extends string>(method: M, path: P) => ({ method, path });

export const ENDPOINTS = {
  health: at('get', '/healthz'),
  download: at('get', '/downloads/:token'),
  openapi: at('get', '/api/v1/openapi.json'),
  functions: at('get', '/api/v1/functions'),
  calcOne: at('post', '/api/v1/calc/:id'),
  calcBatch: at('post', '/api/v1/calc'),
  rotationPlan: at('post', '/api/v1/rotation/plan'),
  consolidationPlan: at('post', '/api/v1/consolidation/plan'),
  forms: at('get', '/api/v1/forms'),
  form: at('get', '/api/v1/forms/:id'),
  formExample: at('get', '/api/v1/forms/:id/example'),
  formXlsx: at('post', '/api/v1/forms/:id'),
  formLink: at('post', '/api/v1/forms/:id/link'),
  formLayout: at('post', '/api/v1/forms/:id/layout'),
  exampleSheets: at('get', '/api/v1/example-sheets'),
  session: at('get', '/api/v1/session'),
  scenarios: at('get', '/api/v1/scenarios'),
  saveScenario: at('post', '/api/v1/scenarios'),
  scenario: at('get', '/api/v1/scenarios/:id'),
  scenarioVersions: at('get', '/api/v1/scenarios/:id/versions'),
  scenarioVersion: at('get', '/api/v1/scenarios/:id/versions/:n'),
  eraseScenario: at('delete', '/api/v1/scenarios/:id'),
  eraseScenarioVersion: at('delete', '/api/v1/scenarios/:id/versions/:n'),
  profiles: at('get', '/api/v1/profiles'),
  profile: at('get', '/api/v1/profiles/:id'),
  profileVersions: at('get', '/api/v1/profiles/:id/versions'),
  saveProfile: at('put', '/api/v1/profiles/:id'),
  audit: at('get', '/api/v1/audit'),
} satisfies Record<string, Endpoint>;

export type RouteName = keyof typeof ENDPOINTS;

/** The parameter names of a path: '/a/:id/b/:n' -> 'id' | 'n'. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;

/** The path parameters a route needs, each a string or a number. */
export type RouteParams<N extends RouteName> = { [K in ParamNames<(typeof ENDPOINTS)[N]['path']>]: string | number };

/** A route's path with its parameters filled in (each encoded as one path segment). */
export function pathOf(name: RouteName, params: Readonly<Record<string, string | number>> = {}): string {
  return ENDPOINTS[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`route ${name} needs the path parameter ${key}`);
    return encodeURIComponent(String(value));
  });
}
