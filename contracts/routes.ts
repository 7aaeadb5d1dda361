/**
 * Every route the service mounts, once: where it lives (endpoints.ts, method and path, no
 * zod, so browsers can import it), what it takes and what it answers.
 * The OpenAPI document is generated from this list (openapi.ts), a test fails when the app
 * mounts a route that is not in it, and clients take their types from it (`RouteAnswer`).
 * Paths are Express paths under the service root (`:id`); every route may also answer the
 * one error shape of errors.ts.
 */
import { z } from 'zod';
import { ENDPOINTS, type Endpoint, type RouteName } from './endpoints.js';
import { calcBatchBodySchema, calcBatchResultSchema, calcOneBodySchema, calcValueSchema, catalogSchema } from './calc.js';
import { downloadLinkSchema, fontsQuerySchema, formDetailSchema, formGridSchema, formListSchema, formPayloadSchema } from './forms.js';
import { exampleSheetsSchema } from './examples.js';
import { consolidationPlanBodySchema, consolidationPlanSchema, healthSchema, type ConsolidationPlanAnswer, type RotationPlanAnswer, rotationPlanBodySchema, rotationPlanSchema } from './plans.js';
import {
  auditPageSchema,
  auditQuerySchema,
  erasureSchema,
  profileAnswerSchema,
  profileHistorySchema,
  profileListSchema,
  profilePutSchema,
  profileSavedSchema,
  profileVersionQuerySchema,
  scenarioHistorySchema,
  scenarioListQuerySchema,
  scenarioPageSchema,
  scenarioSaveSchema,
  scenarioSavedSchema,
  scenarioVersionSchema,
  sessionSchema,
} from './records.js';

export type { Method, RouteName } from './endpoints.js';

export interface RouteContract extends Endpoint {
  summary: { zh: string; en: string };
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The 200/201 JSON answer; `file` for an .xlsx download. */
  answer: z.ZodType | 'file';
}

/** A route: where it lives (endpoints.ts) and what it takes and answers. */
const route = <const N extends RouteName, const R extends Omit<RouteContract, keyof Endpoint>>(name: N, r: R) => ({ ...ENDPOINTS[name], ...r });
const XLSX = 'file' as const;

export const ROUTES = {
  health: route('health', { summary: { zh: '服务是否在运行', en: 'Whether the service is up' }, answer: healthSchema }),
  download: route('download', { summary: { zh: '一次性下载链接（Excel for Mac）', en: 'A one-time download link (Excel for Mac)' }, answer: XLSX }),
  openapi: route('openapi', { summary: { zh: '本接口的 OpenAPI 3.1 说明', en: 'This OpenAPI 3.1 document' }, answer: z.looseObject({ openapi: z.string() }) }),
  functions: route('functions', { summary: { zh: '函数目录', en: 'The function catalog' }, answer: catalogSchema }),
  calcOne: route('calcOne', { summary: { zh: '计算一个函数', en: 'Compute one function' }, body: calcOneBodySchema, answer: calcValueSchema }),
  calcBatch: route('calcBatch', { summary: { zh: '一次计算多个函数', en: 'Compute a batch of calls' }, body: calcBatchBodySchema, answer: calcBatchResultSchema }),
  rotationPlan: route('rotationPlan', { summary: { zh: '教师交流轮岗计划', en: 'The teacher rotation plan' }, body: rotationPlanBodySchema, answer: rotationPlanSchema }),
  consolidationPlan: route('consolidationPlan', { summary: { zh: '学校布局调整方案', en: 'The school consolidation plan' }, body: consolidationPlanBodySchema, answer: consolidationPlanSchema }),
  forms: route('forms', { summary: { zh: '全部报表', en: 'The official forms' }, answer: formListSchema }),
  form: route('form', { summary: { zh: '一张报表的说明与数据格式', en: 'One form, its field names and payload schema' }, answer: formDetailSchema }),
  formExample: route('formExample', { summary: { zh: '报表的示例数据', en: 'An example payload of a form' }, answer: formPayloadSchema }),
  formXlsx: route('formXlsx', { summary: { zh: '生成报表 .xlsx', en: 'The form as .xlsx' }, query: fontsQuerySchema, body: formPayloadSchema, answer: XLSX }),
  formLink: route('formLink', { summary: { zh: '生成报表并给出一次性下载链接', en: 'The form behind a one-time download link' }, query: fontsQuerySchema, body: formPayloadSchema, answer: downloadLinkSchema }),
  formLayout: route('formLayout', { summary: { zh: '报表的版面（供任务窗格写入工作表）', en: 'The form laid out for the task pane to write' }, query: fontsQuerySchema, body: formPayloadSchema, answer: formGridSchema }),
  exampleSheets: route('exampleSheets', { summary: { zh: '示例工作表', en: 'The example sheets' }, answer: exampleSheetsSchema }),
  session: route('session', { summary: { zh: '当前用户与权限', en: 'Who is signed in, and what they may do' }, answer: sessionSchema }),
  scenarios: route('scenarios', { summary: { zh: '本县的方案', en: "The county's scenarios" }, query: scenarioListQuerySchema, answer: scenarioPageSchema }),
  saveScenario: route('saveScenario', { summary: { zh: '保存方案（新版本）', en: 'Save a scenario (a new version)' }, body: scenarioSaveSchema, answer: scenarioSavedSchema }),
  scenario: route('scenario', { summary: { zh: '方案的最新版本', en: "A scenario's latest version" }, answer: scenarioVersionSchema }),
  scenarioVersions: route('scenarioVersions', { summary: { zh: '方案的版本历史', en: "A scenario's versions" }, answer: scenarioHistorySchema }),
  scenarioVersion: route('scenarioVersion', { summary: { zh: '方案的某一版本', en: 'One version of a scenario' }, answer: scenarioVersionSchema }),
  eraseScenario: route('eraseScenario', { summary: { zh: '删除方案内容（保留记录）', en: "Erase a scenario's content (its record stays)" }, answer: erasureSchema }),
  eraseScenarioVersion: route('eraseScenarioVersion', { summary: { zh: '删除某一版本的内容', en: "Erase one version's content" }, answer: erasureSchema }),
  profiles: route('profiles', { summary: { zh: '政策配置', en: 'Policy profiles' }, answer: profileListSchema }),
  profile: route('profile', { summary: { zh: '一个政策配置', en: 'One policy profile' }, query: profileVersionQuerySchema, answer: profileAnswerSchema }),
  profileVersions: route('profileVersions', { summary: { zh: '政策配置的版本', en: "A profile's versions" }, answer: profileHistorySchema }),
  saveProfile: route('saveProfile', { summary: { zh: '保存本县的政策配置', en: "Save the county's policy profile" }, body: profilePutSchema, answer: profileSavedSchema }),
  audit: route('audit', { summary: { zh: '审计日志', en: 'The audit log' }, query: auditQuerySchema, answer: auditPageSchema }),
} satisfies Record<RouteName, RouteContract>;

/** Answers whose schema describes the top level only: clients read the planners' own types (plans.ts checks they fit). */
interface PreciseAnswers {
  rotationPlan: RotationPlanAnswer;
  consolidationPlan: ConsolidationPlanAnswer;
}
/** What a route answers, as a client reads it. */
export type RouteAnswer<N extends RouteName> = N extends keyof PreciseAnswers ? PreciseAnswers[N] : (typeof ROUTES)[N]['answer'] extends z.ZodType ? z.output<(typeof ROUTES)[N]['answer']> : never;
/** What a route takes as its body. */
export type RouteBody<N extends RouteName> = (typeof ROUTES)[N] extends { body: z.ZodType } ? z.input<(typeof ROUTES)[N]['body']> : never;
/** What a route takes in its query string. */
export type RouteQuery<N extends RouteName> = (typeof ROUTES)[N] extends { query: z.ZodType } ? z.input<(typeof ROUTES)[N]['query']> : never;
