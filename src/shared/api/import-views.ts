// Pure (shared): inputs and views of the CRM import wizard and the CSV export (contract block
// 'import.*' / 'export.csv'). Files reach the host in base64 parts under the request size limit.
import { z } from 'zod';
import { CRMS, IMPORT_KINDS, TARGETS } from '../import/presets';
import { STAGE_TARGETS } from '../import/stages';
import { EXPORT_COLLECTIONS } from '../import/deepsales';

const FileId = z.string().regex(/^imp_[a-z0-9]{8,40}$/);
const ALL_TARGETS = [...new Set(Object.values(TARGETS).flat())] as [string, ...string[]];

export const ImportUploadInput = z
  .object({
    /** Absent for a file's first part; the id the first part returned for the next parts. */
    fileId: FileId.optional(),
    name: z.string().min(1).max(255),
    /** Base64 of the next part of the file's bytes. */
    chunk: z.string().max(900_000),
  })
  .strict();
export const ImportUploadView = z.object({ fileId: FileId, name: z.string(), bytes: z.number().int() });

export const FileOverrideInput = z
  .object({
    crm: z.enum(CRMS).optional(),
    kind: z.enum(IMPORT_KINDS).optional(),
    mapping: z.array(z.enum(ALL_TARGETS).nullable()).max(500).optional(),
    dateOrder: z.enum(['mdy', 'dmy']).optional(),
  })
  .strict();

export const ImportPlanInput = z
  .object({
    fileIds: z.array(FileId).min(1).max(50),
    /** By file id. */
    overrides: z.record(z.string(), FileOverrideInput).optional(),
    stageMap: z.record(z.string().max(200), z.enum(STAGE_TARGETS)).optional(),
    ownerMap: z.record(z.string().max(200), z.string().max(64)).optional(),
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .strict();
export type ImportPlanInput = z.infer<typeof ImportPlanInput>;

const Issue = z.object({
  file: z.string(),
  line: z.number().int(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
const Counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  conflicts: z.number().int(),
});

export const ImportReportView = z.object({
  files: z.array(
    z.object({
      fileId: z.string(),
      file: z.string(),
      crm: z.enum(CRMS),
      kind: z.string(),
      headers: z.array(z.string()),
      mapping: z.array(z.string().nullable()),
      dateOrder: z.enum(['mdy', 'dmy']),
      encoding: z.string(),
      delimiter: z.string(),
      rows: z.number().int(),
    }),
  ),
  counts: z.record(z.string(), Counts),
  errors: z.array(Issue),
  warnings: z.array(Issue),
  stages: z.array(z.string()),
  owners: z.array(z.string()),
  newMembers: z.array(z.object({ id: z.string(), name: z.string() })),
  samples: z.array(z.object({ file: z.string(), docs: z.array(z.record(z.string(), z.unknown())) })),
  cancelled: z.boolean(),
});
export type ImportReportView = z.infer<typeof ImportReportView>;

export const ImportRunView = z.object({
  runId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  fraction: z.number().min(0).max(1),
  message: z.string(),
  report: ImportReportView.nullable(),
  error: z.string().nullable(),
});
export type ImportRunView = z.infer<typeof ImportRunView>;

export const RunRef = z.object({ runId: z.string().max(64) }).strict();
export const ExportCsvInput = z.object({ collection: z.enum(EXPORT_COLLECTIONS) }).strict();
export const ExportCsvView = z.object({ name: z.string(), csv: z.string(), rows: z.number().int() });
