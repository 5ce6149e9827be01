// Main thread and scoring worker thread: the messages between them. One way of feeding the
// worker: `init` names the store's snapshot (store/snapshot.ts), the worker reads the SQLite file
// itself (read-only, WAL: never blocks the writer) and then gets `changed` {ids} only.
//
// After loading, the worker runs a full rescore. Deal scores come back as `scores` batches
// (bounded size, so structured-clone of one message never blocks the main thread for long), the
// last one of a run marked `final`; only scores whose content changed are sent. Stakeholder
// scores are not stored: `account` requests compute one account's people on the spot, and a
// `scores` message says when people's scores may have changed (so the UI can refetch them).
// Requests carry a requestId and are answered by one `reply`.
import type { SnapshotSpec } from '../store/snapshot';
import type { WhatIf } from '@shared/scoring/workspace/what-if';
import type { CollectionName, OpportunityScorePayload, StakeholderScorePayload } from '@shared/domain';
import type { WorkspaceModelJson } from '@shared/scoring/workspace/model';
import type { ScoreDocOut, TodayItem } from '@shared/scoring/workspace/engine';

/** Collections whose documents feed scores. */
export const SCORED_COLLECTIONS = [
  'accounts',
  'stakeholders',
  'opportunities',
  'interactions',
  'journeysteps',
] as const satisfies readonly CollectionName[];
export type ScoredCollection = (typeof SCORED_COLLECTIONS)[number];

export interface InitMessage {
  type: 'init';
  /** The workspace's snapshot: its scored collections, and the stored scores (read once at start so unchanged ones are not written again). */
  source: SnapshotSpec;
  /** Pin the clock (tests, benchmarks); absent = the worker's own Date.now. */
  fixedNow?: number;
  /** The stored model and imported history as JSON text (settings 'scoring.model'/'scoring.history'). */
  modelText: string | null;
  historyText: string | null;
  /** Train right after loading when there is no model yet and enough closed deals. */
  autoTrain: boolean;
  /** Periodic full rescore (engagement decays with time); 0 = never. */
  rescoreEveryMs: number;
  /** Score docs per `scores` message (SCORE_BATCH unless a test says otherwise). */
  batchSize: number;
}

/**
 * Score docs per `scores` message. Measured with test/bench/scoring.bench.ts (L, full rescore
 * stored in memory): batches of 100 with writes of 10 (service.ts) kept the main thread's
 * longest block at ~11 ms where 250 and 25 gave 15–19 ms on the same machine (then as one text
 * per batch; see PackedScores for why it is bytes now).
 */
export const SCORE_BATCH = 100;

export type HostToWorker =
  | InitMessage
  | { type: 'changed'; changes: { collection: ScoredCollection; ids: string[] }[] }
  | { type: 'rescore' }
  | { type: 'setNow'; now: number }
  /** One `scores` batch is stored: the worker may send another (it keeps at most two unacknowledged). */
  | { type: 'ack' }
  /**
   * `urgent`: answered past the queue of score batches not yet stored, rather than after them
   * (the first scores shown on a first open while the first full rescore is being stored). Only
   * for requests whose answer does not depend on what is stored; `flush` must not be urgent.
   */
  | { type: 'request'; requestId: number; request: WorkerRequest; urgent?: boolean }
  /**
   * Tests only, honoured only by a worker started with `testHooks` (spawn-worker.ts): run out of
   * memory, or throw outside any handler, so tests can prove the service survives both.
   */
  | { type: 'testFault'; fault: 'outOfMemory' | 'throw' };

export type WorkerRequest =
  | { kind: 'train' }
  | { kind: 'importHistory'; csv: string; targetColumn: string; positiveValue: string }
  | { kind: 'today'; limit: number; ownerId?: string }
  | { kind: 'scoreOpportunity'; id: string }
  | { kind: 'account'; accountId: string }
  | { kind: 'whatIf'; opportunityId: string; stakeholderId?: string }
  /** The worker's own memory (its isolate; the benchmark and diagnostics read it). */
  | { kind: 'memory' };

/** The model without its trees: what the status needs (the trees are megabytes to clone). */
export type ModelSummary = Omit<WorkspaceModelJson, 'classifier'>;

export interface ModelStatus {
  source: 'prior' | 'blended' | 'model';
  /** Closed deals in the workspace plus imported history rows. */
  closedDealsAvailable: number;
  importedHistory: number;
  model: ModelSummary | null;
  training: { inProgress: boolean; fraction: number; message: string; error: string | null };
}

export type WorkerReply =
  | { kind: 'train'; status: ModelStatus }
  | { kind: 'importHistory'; imported: number; skipped: number; errors: { code: string; message: string; row?: number }[] }
  /** `provisional`: the team's Today on a first open, ranked among the deals scored so far (runtime.ts needs). */
  | { kind: 'today'; items: TodayItem[]; total: number; provisional?: boolean }
  | { kind: 'scoreOpportunity'; payload: OpportunityScorePayload | null }
  | { kind: 'account'; stakeholders: StakeholderScorePayload[] }
  | { kind: 'whatIf'; result: { probability: number; whatIfs: WhatIf[]; person: WhatIf | null } | null }
  | { kind: 'memory'; memory: WorkerMemory };

/** Bytes, from the worker's own isolate (v8.getHeapStatistics) and process.memoryUsage's per-isolate fields. */
export interface WorkerMemory {
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Memory outside the JS heap the isolate accounts for (typed arrays' buffers among it). */
  externalBytes: number;
  /** Committed bytes per heap space (new_space, old_space, large_object_space, …): where heapTotal is. */
  spaces?: Record<string, number>;
}

/**
 * A batch of score docs with their payloads end to end as UTF-8 in one byte array: doc k's
 * payload is the bytes payloadEnds[k - 1] ?? 0 .. payloadEnds[k], decoded on its own when the
 * batch is unpacked.
 *
 * Why bytes: the host stores each batch and keeps none of it, but whatever it receives as text
 * stays until V8 frees it. A payload received as a string of its own (3–4 KB, ~16k per full
 * rescore of an L workspace) was copied by the main thread's young-generation collections;
 * received as one string per batch (~350 KB) it lands in V8's large-object space, which only a
 * full collection empties, so a first open's stored batches piled up there (27–59 MB of the main
 * thread's heap at the open's memory peak, issue 19). A byte array is off the heap and freed
 * with its (small) object; each payload decoded from it is a fresh string that dies young once
 * it is written.
 */
export interface PackedScores {
  upserts: Omit<ScoreDocOut, 'payload'>[];
  payloads: Uint8Array;
  payloadEnds: number[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packScores(docs: readonly ScoreDocOut[]): PackedScores {
  const upserts: Omit<ScoreDocOut, 'payload'>[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const { payload, ...head } of docs) {
    upserts.push(head);
    const part = encoder.encode(payload);
    parts.push(part);
    size += part.length;
  }
  const payloads = new Uint8Array(size);
  const payloadEnds: number[] = [];
  let end = 0;
  for (const part of parts) {
    payloads.set(part, end);
    payloadEnds.push((end += part.length));
  }
  return { upserts, payloads, payloadEnds };
}

/** Docs start..end of a batch (all of it by default), each payload decoded now. */
export function unpackScores(m: PackedScores, start = 0, end = m.upserts.length): ScoreDocOut[] {
  const out: ScoreDocOut[] = [];
  for (let k = start; k < Math.min(end, m.upserts.length); k++)
    out.push({ ...m.upserts[k]!, payload: decoder.decode(m.payloads.subarray(m.payloadEnds[k - 1] ?? 0, m.payloadEnds[k])) });
  return out;
}

export type WorkerToHost =
  | { type: 'ready' }
  /**
   * The work the worker's start brought is done: its first full rescore and, when it started
   * one (no model stored, enough closed deals), the training and its rescore. Sent once, after
   * their scores, so the host has stored them when it handles it (ScoringService.settled).
   */
  | { type: 'settled' }
  | { type: 'progress'; task: 'loading' | 'scoring' | 'training'; fraction: number; message: string }
  | ({
      type: 'scores';
      runId: number;
      removals: string[];
      final: boolean;
      full: boolean;
      ms: number;
      /** Stakeholders whose (unstored) scores may have changed in this run; set on the final batch. */
      stakeholders: number;
    } & PackedScores)
  | { type: 'model'; status: ModelStatus }
  /**
   * Persist these (the worker never writes to the store), as the JSON text to store: serialising
   * a 400-tree model or 100k history rows is the worker's job, not the main thread's.
   */
  | { type: 'persist'; modelText?: string; historyText?: string; todayText?: string }
  | { type: 'reply'; requestId: number; ok: true; reply: WorkerReply }
  | { type: 'reply'; requestId: number; ok: false; error: { code: string; message: string; details?: unknown } }
  | { type: 'error'; code: string; message: string };
