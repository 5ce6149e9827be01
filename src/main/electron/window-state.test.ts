import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clampToDisplays, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const projector = { x: 1440, y: 0, width: 1920, height: 1080 };

describe('window state clamp', () => {
  it('keeps bounds that are on a display', () => {
    expect(clampToDisplays({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, [laptop, projector])).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(clampToDisplays({ x: 1500, y: 10, width: 1600, height: 900, maximized: true }, [laptop, projector])).toEqual({
      x: 1500,
      y: 10,
      width: 1600,
      height: 900,
      maximized: true,
    });
  });

  it('brings a window from a display that is gone back to the primary one, centred', () => {
    expect(clampToDisplays({ x: 1500, y: 10, width: 1600, height: 900, maximized: false }, [laptop])).toEqual({
      x: 40,
      y: 8,
      width: 1360,
      height: 860,
      maximized: false,
    });
    expect(clampToDisplays({ x: -5000, y: -5000, width: 1000, height: 700, maximized: false }, [laptop])).toMatchObject({ x: 40, y: 8 });
  });

  it('shrinks a window larger than its display and pulls a half-off one inside', () => {
    expect(clampToDisplays({ x: 1000, y: 500, width: 3000, height: 2000, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      maximized: false,
    });
    expect(clampToDisplays({ x: 1000, y: 100, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({
      x: 440,
      y: 100,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('raises a remembered size below the minimum', () => {
    expect(clampToDisplays({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [laptop])).toMatchObject({
      width: 960,
      height: 600,
    });
  });

  it('without a state (or displays) opens the default size', () => {
    expect(clampToDisplays(null, [laptop])).toEqual({ x: 40, y: 8, width: 1360, height: 860, maximized: false });
    expect(clampToDisplays(null, [])).toEqual({ width: 1360, height: 860, maximized: false });
  });
});

describe('window state file', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('round-trips, and ignores a broken or foreign file', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-window-state-'));
    expect(await readWindowState(dir)).toBeNull();
    await writeWindowState(dir, { x: 1, y: 2, width: 1000, height: 700, maximized: true });
    expect(await readWindowState(dir)).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: true });
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ width: 1000 });
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"x": 1, "y"');
    expect(await readWindowState(dir)).toBeNull();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 'a', y: 0, width: 10, height: 10 }));
    expect(await readWindowState(dir)).toBeNull();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ x: 0, y: 0, width: 1e9, height: 10 }));
    expect(await readWindowState(dir)).toBeNull();
  });
});
