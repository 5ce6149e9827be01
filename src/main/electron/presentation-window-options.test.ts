import { describe, expect, it } from 'vitest';
import { isPresentationUrl, presentationWindowOptions } from './presentation-window-options';

const FILE = 'file:///app/out/renderer/index.html#/present/opp-1';
const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };

describe('presentation window', () => {
  it('opens only our own presentation route', () => {
    expect(isPresentationUrl(FILE, undefined)).toBe(true);
    expect(isPresentationUrl('file:///app/out/renderer/index.html#/workshop/opp-1', undefined)).toBe(false);
    expect(isPresentationUrl('https://example.com/#/present/opp-1', undefined)).toBe(false);
    expect(isPresentationUrl('http://localhost:5173/#/present/opp-1', 'http://localhost:5173')).toBe(true);
    expect(isPresentationUrl('not a url', undefined)).toBe(false);
    expect(presentationWindowOptions('https://example.com/#/present/x', undefined, [laptop], 1, '/p.cjs')).toBeNull();
  });

  it('goes full screen on the display the facilitator is not on', () => {
    const options = presentationWindowOptions(FILE, undefined, [laptop, projector], 1, '/p.cjs')!;
    expect(options).toMatchObject({ x: 1440, y: 0, width: 1920, height: 1080, fullscreen: true });
    const flipped = presentationWindowOptions(FILE, undefined, [laptop, projector], 2, '/p.cjs')!;
    expect(flipped).toMatchObject({ x: 0, y: 0, width: 1440, height: 900, fullscreen: true });
  });

  it('with one display, a 1280×720 window centred on it', () => {
    const options = presentationWindowOptions(FILE, undefined, [laptop], 1, '/p.cjs')!;
    expect(options).toMatchObject({ width: 1280, height: 720, x: 80, y: 90, fullscreen: false });
  });

  it('keeps the main window security posture', () => {
    const options = presentationWindowOptions(FILE, undefined, [laptop], 1, '/p.cjs')!;
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p.cjs' });
  });
});
