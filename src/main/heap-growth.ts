// Main process (Electron or plain Node), at its start: how far V8 lets a heap grow past what its
// last full collection kept before it starts the next one.
//
// V8 chooses that factor itself, up to 4× for a heap it collects quickly. It then collects what a
// burst of work left only when the heap reaches the limit, or when its memory reducer sees the
// thread idle (8 s later, then over seconds). On a first open of an L workspace, storing
// training's 16k scores grew the main thread's heap from 73 to 152 MB (124 MB "used", mostly
// garbage the memory reducer gave back ~25 s later). That was the open's memory peak: every
// process 1,003 and 1,062 MiB against the ≤ 1,024 target (today-web bench, issue 19).
// With the factor fixed, the same open kept the main heap at 41–89 MB:
// - at 1.25× the peak was 993 MiB (one run);
// - at 1.1× it was 943, 961 and 947 MiB.
// The flag is process-wide, so the scoring, search and checkpoint threads follow the same rule.
// The cost is more frequent full collections. They are incremental, so most steps are short, but
// not every one: scoring part C's longest main-thread block with 1.1× was 28.1, 130.6 and 99.4 ms,
// against 35.8 and 37.7 ms with V8's own factor on the same machine. In the two long runs it was a
// single 92–106 ms collection right after training's scores were stored, when the scoring worker
// compacts its heap under the process-wide --optimize-for-size (collect-garbage.ts). With
// collections this frequent, a main-thread one is likelier to start under that flag (README, part C).
import { setFlagsFromString } from 'node:v8';

/** Heap growth allowed between full collections, in percent of what the last one kept. */
export const HEAP_GROWING_PERCENT = 10;

/** Sets the V8 flag for it; `set` is V8's own setter (a test passes its own). */
export function limitHeapGrowth(set: (flags: string) => void = setFlagsFromString): void {
  set(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
