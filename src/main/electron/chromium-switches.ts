// Main process (Electron): the Chromium switches the app sets on its own command line before
// `app.whenReady`, as plain data so a unit test pins them and the benchmarks launch their
// stand-in Chromium (test/bench/support/preview.ts) with the same ones (issue 19: every process
// of the app together ≤ 1 GB on L). Each entry is here because the today-web benchmark measured
// it lowering the processes' PSS without slowing the app; what was tried and dropped is below.

export interface ChromiumSwitches {
  /** Chromium features turned on (`--enable-features`), merged with any already given. */
  enableFeatures: readonly string[];
  /** Chromium features turned off (`--disable-features`), merged with any already given. */
  disableFeatures: readonly string[];
}

export const CHROMIUM_SWITCHES: ChromiumSwitches = {
  enableFeatures: [],
  disableFeatures: [
    // No spare renderer kept warm for the next site: the app opens windows of its own file only.
    // Electron 45 already turns this off itself (shell/browser/feature_list.cc); it is repeated
    // here so the benchmarks' headless Chromium, which keeps one (~20 MiB PSS), matches.
    'SpareRendererForSitePerProcess',
  ],
};

// Tried and dropped (today-web on L, the stand-in Chromium; figures in the commit that added this):
// - `--js-flags=--optimize-for-size` (V8 in the window favouring size over speed): the page's
//   renderer 124–131 → 109–115 MiB PSS, but the search palette's keystroke to results painted
//   p95 55.8 ms (p50 30.8), past the 50 ms target, where five runs without it gave 34–45 ms.
//   `--js-flags=--max-semi-space-size=4`: −6 to −13 MiB, and nothing more beside the first.
// - `--in-process-gpu`: −8 MiB more, but a GPU driver crash would then take the main process (and
//   the host writing the workspace) down with it.
// - `--enable-features=NetworkServiceInProcess2` (the network service on a thread of the main
//   process): −18 MiB PSS in the stand-in, but for the same reason a crash in the network stack
//   would take the host down, and Electron does not document it; not verifiable here without an
//   Electron binary (stop 30).

/** The part of Electron's `app.commandLine` this module needs. */
export interface SwitchableCommandLine {
  appendSwitch(name: string, value?: string): void;
  getSwitchValue(name: string): string;
}

/** `a,b` + [b, c] → `a,b,c`: a feature list with ours added once, order kept. */
export function mergeFeatureList(given: string, ours: readonly string[]): string {
  const names = given
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of ours) if (!names.includes(name)) names.push(name);
  return names.join(',');
}

/**
 * Sets the switches on Electron's command line. A second `appendSwitch` of one name replaces the
 * first value, so the feature lists are merged with whatever the user or a test launched with.
 */
export function applyChromiumSwitches(commandLine: SwitchableCommandLine, switches: ChromiumSwitches = CHROMIUM_SWITCHES): void {
  for (const [name, ours] of [
    ['enable-features', switches.enableFeatures],
    ['disable-features', switches.disableFeatures],
  ] as const) {
    if (ours.length === 0) continue;
    commandLine.appendSwitch(name, mergeFeatureList(commandLine.getSwitchValue(name), ours));
  }
}

/** The same switches as command-line arguments, for a Chromium the benchmarks launch. */
export function chromiumArguments(switches: ChromiumSwitches = CHROMIUM_SWITCHES): string[] {
  const args: string[] = [];
  if (switches.enableFeatures.length > 0) args.push(`--enable-features=${switches.enableFeatures.join(',')}`);
  if (switches.disableFeatures.length > 0) args.push(`--disable-features=${switches.disableFeatures.join(',')}`);
  return args;
}
