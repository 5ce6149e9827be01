import { describe, expect, it } from 'vitest';
import {
  applyChromiumSwitches,
  CHROMIUM_SWITCHES,
  chromiumArguments,
  mergeFeatureList,
  type SwitchableCommandLine,
} from './chromium-switches';

/** Electron's command line as Chromium keeps it: a second appendSwitch of one name replaces the value. */
function fakeCommandLine(given: Record<string, string> = {}): SwitchableCommandLine & { values: Map<string, string> } {
  const values = new Map(Object.entries(given));
  return {
    values,
    appendSwitch: (name, value = '') => void values.set(name, value),
    getSwitchValue: (name) => values.get(name) ?? '',
  };
}

describe('Chromium switches', () => {
  it('keeps no spare renderer', () => {
    expect(CHROMIUM_SWITCHES).toEqual({ enableFeatures: [], disableFeatures: ['SpareRendererForSitePerProcess'] });
  });

  it("sets them on Electron's command line", () => {
    const commandLine = fakeCommandLine();
    applyChromiumSwitches(commandLine);
    expect(Object.fromEntries(commandLine.values)).toEqual({ 'disable-features': 'SpareRendererForSitePerProcess' });
  });

  it('keeps the features the app was launched with', () => {
    const commandLine = fakeCommandLine({ 'disable-features': 'Foo,SpareRendererForSitePerProcess', 'enable-features': 'Bar' });
    applyChromiumSwitches(commandLine, { enableFeatures: ['Baz'], disableFeatures: CHROMIUM_SWITCHES.disableFeatures });
    expect(commandLine.values.get('disable-features')).toBe('Foo,SpareRendererForSitePerProcess');
    expect(commandLine.values.get('enable-features')).toBe('Bar,Baz');
  });

  it('leaves a switch alone when it has nothing to add', () => {
    const commandLine = fakeCommandLine({ 'enable-features': 'Bar' });
    applyChromiumSwitches(commandLine, { enableFeatures: [], disableFeatures: ['X'] });
    expect(Object.fromEntries(commandLine.values)).toEqual({ 'enable-features': 'Bar', 'disable-features': 'X' });
  });

  it('merges feature lists once each, in order, ignoring blanks', () => {
    expect(mergeFeatureList('', ['A'])).toBe('A');
    expect(mergeFeatureList(' A, ,B ', ['B', 'C'])).toBe('A,B,C');
  });

  it('gives the benchmarks the same switches as arguments', () => {
    expect(chromiumArguments()).toEqual(['--disable-features=SpareRendererForSitePerProcess']);
    expect(chromiumArguments({ enableFeatures: ['A'], disableFeatures: [] })).toEqual(['--enable-features=A']);
  });
});
