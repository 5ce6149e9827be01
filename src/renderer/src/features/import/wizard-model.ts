// Renderer (pure): the import wizard's state and the plan it sends to the host. Kept apart from
// the components so the rules (what a column change does, which stages still need a mapping,
// how files are cut into parts) are tested without a browser.
import type { ImportPlanInput, ImportReportView } from '@shared/api';
import { TARGETS, type AnyTarget, type Crm, type ImportKind } from '@shared/import/presets';
import { autoStage, type StageTarget } from '@shared/import/stages';

export type Step = 'files' | 'mapping' | 'stages' | 'preview' | 'run';
export const STEPS: readonly { step: Step; label: string }[] = [
  { step: 'files', label: 'Choose files' },
  { step: 'mapping', label: 'Columns' },
  { step: 'stages', label: 'Stages and owners' },
  { step: 'preview', label: 'Preview' },
  { step: 'run', label: 'Import' },
];

export interface FileChoice {
  crm?: Crm;
  kind?: ImportKind;
  mapping?: (AnyTarget | null)[];
  dateOrder?: 'mdy' | 'dmy';
}

export interface WizardState {
  fileIds: string[];
  overrides: Record<string, FileChoice>;
  stageMap: Record<string, StageTarget>;
  ownerMap: Record<string, string>;
}

export const EMPTY_WIZARD: WizardState = { fileIds: [], overrides: {}, stageMap: {}, ownerMap: {} };

export function planOf(state: WizardState): ImportPlanInput {
  return { fileIds: state.fileIds, overrides: state.overrides, stageMap: state.stageMap, ownerMap: state.ownerMap };
}

/** One column's new target; a target another column fed before is taken from it (one column per field). */
export function withColumn(current: readonly (string | null)[], index: number, target: AnyTarget | null): (AnyTarget | null)[] {
  return current.map((t, i) => {
    if (i === index) return target;
    return target !== null && t === target ? null : (t as AnyTarget | null);
  });
}

/** Targets a kind's column may feed (for the column's select). */
export function targetsFor(kind: string): readonly AnyTarget[] {
  return (TARGETS as Record<string, readonly AnyTarget[]>)[kind] ?? [];
}

/** Stage names met in the files with what they map to: the wizard's choice, else the known pipelines' word, else nothing yet. */
export function stageRows(
  stages: readonly string[],
  chosen: Record<string, StageTarget>,
): { name: string; target: StageTarget | null; guessed: boolean }[] {
  return stages.map((name) => {
    const picked = chosen[name];
    if (picked) return { name, target: picked, guessed: false };
    const auto = autoStage(name);
    return { name, target: auto, guessed: auto !== null };
  });
}

export function unmappedStages(stages: readonly string[], chosen: Record<string, StageTarget>): string[] {
  return stageRows(stages, chosen)
    .filter((r) => r.target === null)
    .map((r) => r.name);
}

/** Totals of a report, for the result table: one row per kind of record. */
export function countRows(
  report: ImportReportView,
): { kind: string; created: number; updated: number; unchanged: number; failed: number; conflicts: number }[] {
  return Object.entries(report.counts).map(([kind, c]) => ({ kind, ...c }));
}

/** Bytes → base64 parts small enough for one request each (the host takes up to 1 MB of JSON). */
export function base64Parts(bytes: Uint8Array, partBytes = 600_000): string[] {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length || (start === 0 && parts.length === 0); start += partBytes) {
    const slice = bytes.subarray(start, Math.min(bytes.length, start + partBytes));
    let binary = '';
    for (let i = 0; i < slice.length; i += 0x8000) binary += String.fromCharCode(...slice.subarray(i, i + 0x8000));
    parts.push(btoa(binary));
    if (bytes.length === 0) break;
  }
  return parts;
}
