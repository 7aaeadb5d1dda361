/**
 * The county's records: scenarios (saved inputs and results, versioned), policy profiles,
 * the audit log and who is signed in. Requests are checked with these schemas by the
 * server; responses are what the pane reads.
 */
import { z } from 'zod';
import { said } from '../formulas/core/issue-messages.js';
import { policyProfileWriteSchema } from '../formulas/core/profile-write-rules.js';
import { policyProfileSchema } from '../formulas/core/profiles.js';
import { bilingualSchema } from './errors.js';

const MAX_NAME = 200;
const MAX_WORKBOOK = 500;

const namedValues = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  said('不是以区域名或表名为键的对象（如 {"Budget": [[1600000]]}）', 'is not an object of named ranges or tables (e.g. {"Budget": [[1600000]]})'),
).meta({ type: 'object' });

const cleanText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max));

export const scenarioSaveSchema = z.object({
  name: cleanText(MAX_NAME).pipe(z.string().min(1)),
  workbook: cleanText(MAX_WORKBOOK).optional(),
  inputs: namedValues,
  results: namedValues.optional(),
  personal: z.boolean().optional(),
});

export const scenarioListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const scenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  latestVersion: z.number().int(),
  workbook: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  personal: z.boolean(),
});

export const scenarioPageSchema = z.object({ scenarios: z.array(scenarioSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export const scenarioSavedSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  personal: z.boolean(),
  /** Why the service marked it personal (ID numbers, phone numbers found in it). */
  personalSigns: z.array(z.unknown()),
});

export const versionInfoSchema = z.object({
  version: z.number().int(),
  workbook: z.string(),
  author: z.string(),
  createdAt: z.string(),
  hash: z.string(),
  personal: z.boolean(),
  /** The content was erased (the version's record and hash remain). */
  erased: z.boolean(),
});

export const scenarioVersionSchema = versionInfoSchema.extend({
  id: z.string(),
  name: z.string(),
  county: z.string(),
  /** null when erased. */
  inputs: z.record(z.string(), z.unknown()).nullable(),
  results: z.record(z.string(), z.unknown()).nullable(),
});

export const scenarioHistorySchema = z.object({ id: z.string(), name: z.string(), versions: z.array(versionInfoSchema) });

export const erasureSchema = z.object({ id: z.string(), erased: z.array(z.object({ version: z.number().int(), hash: z.string() })) });

export const profileListSchema = z.object({
  defaultId: z.string(),
  profiles: z.array(
    z.object({
      id: z.string(),
      title: bilingualSchema,
      version: z.number().int(),
      source: z.enum(['shipped', 'county']),
      overrides: z.boolean(),
      author: z.string().optional(),
      createdAt: z.string().optional(),
      overLimitBytes: z.number().int().optional().describe('a version saved before the 256 KiB limit and over it: not read; save a new version'),
    }),
  ),
});

// Writes are checked by the stricter rules (real dates, numbers in range, text lengths); reads accept any stored profile.
export const profilePutSchema = policyProfileWriteSchema.extend({ id: policyProfileSchema.shape.id.optional(), version: z.number().int().min(1).optional() });
export const profileVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional(), layer: z.literal('shipped').optional().describe('shipped: the shipped profile alone, not the county’s') });
export const profileAnswerSchema = policyProfileSchema.extend({ meta: z.looseObject({ source: z.enum(['shipped', 'county']) }) });
export const profileHistorySchema = z.object({ id: z.string(), versions: z.array(z.object({ version: z.number().int(), author: z.string(), createdAt: z.string() })) });
export const profileSavedSchema = z.object({ id: z.string(), version: z.number().int(), createdAt: z.string() });

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().min(1).optional(),
  action: z.string().min(1).max(100).optional(),
});

export const auditPageSchema = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      county: z.string(),
      actor: z.string(),
      role: z.string(),
      action: z.string(),
      target: z.string().nullable(),
      inputHash: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  next: z.number().int().nullable(),
});

export const sessionSchema = z.object({
  user: z.string(),
  role: z.string(),
  county: z.string(),
  local: z.boolean(),
  storage: z.string().nullable(),
  permissions: z.array(z.string()),
});

export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;
export type ScenarioPage = z.infer<typeof scenarioPageSchema>;
export type ScenarioSaved = z.infer<typeof scenarioSavedSchema>;
export type ScenarioVersion = z.infer<typeof scenarioVersionSchema>;
export type ScenarioHistory = z.infer<typeof scenarioHistorySchema>;
export type Session = z.infer<typeof sessionSchema>;
