import { describe, expect, it } from 'vitest';
import { isPresentationUrl, presentationWindowOptions } from './presentation-window-options';
import { rendererTarget } from './renderer-target';

const APP = rendererTarget({ packaged: true, devServerUrl: undefined, rendererFile: '/app/out/renderer/index.html' });
const DEV = rendererTarget({ packaged: false, devServerUrl: 'http://localhost:5173', rendererFile: '/app/out/renderer/index.html' });

const FILE = 'file:///app/out/renderer/index.html#/present/opp-1';
const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };

describe('presentation window', () => {
  it('opens only our own presentation route', () => {
    expect(isPresentationUrl(FILE, APP)).toBe(true);
    expect(isPresentationUrl('file:///app/out/renderer/index.html#/workshop/opp-1', APP)).toBe(false);
    expect(isPresentationUrl('https://example.com/#/present/opp-1', APP)).toBe(false);
    expect(isPresentationUrl('http://localhost:5173/#/present/opp-1', DEV)).toBe(true);
    expect(isPresentationUrl('not a url', APP)).toBe(false);
    expect(presentationWindowOptions('https://example.com/#/present/x', APP, [laptop], 1, '/p.cjs')).toBeNull();
  });

  it('goes full screen on the display the facilitator is not on', () => {
    const options = presentationWindowOptions(FILE, APP, [laptop, projector], 1, '/p.cjs')!;
    expect(options).toMatchObject({ x: 1440, y: 0, width: 1920, height: 1080, fullscreen: true });
    const flipped = presentationWindowOptions(FILE, APP, [laptop, projector], 2, '/p.cjs')!;
    expect(flipped).toMatchObject({ x: 0, y: 0, width: 1440, height: 900, fullscreen: true });
  });

  it('with one display, a 1280×720 window centred on it', () => {
    const options = presentationWindowOptions(FILE, APP, [laptop], 1, '/p.cjs')!;
    expect(options).toMatchObject({ width: 1280, height: 720, x: 80, y: 90, fullscreen: false });
  });

  it('keeps the main window security posture', () => {
    const options = presentationWindowOptions(FILE, APP, [laptop], 1, '/p.cjs')!;
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p.cjs' });
  });
});
