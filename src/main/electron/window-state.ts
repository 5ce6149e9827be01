// Main process (Electron glue, no Electron import, so a unit test pins it): the main window's
// size and place, remembered between launches in a small JSON file in the user-data folder.
// The file is validated (a hand-edited or truncated one is ignored, never fatal) and the bounds
// are clamped to the displays present now: a window last seen on a projector that is gone comes
// back on the primary display, not off screen.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BOUNDS, MIN_SIZE, type WindowBounds } from './window-options';

export const WINDOW_STATE_FILE = 'window-state.json';

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Length = z.number().int().min(1).max(100_000);
export const WindowState = z.object({
  x: Coordinate,
  y: Coordinate,
  width: Length,
  height: Length,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window's title bar must be on a display for the window to count as visible. */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where the window opens: the remembered bounds when their top strip is on a display's work
 * area (shrunk to fit that display), else the default size centred on the primary display.
 * `workAreas[0]` is the primary display.
 */
export function clampToDisplays(state: WindowState | null, workAreas: readonly Rect[]): WindowBounds & { maximized: boolean } {
  const primary = workAreas[0];
  const centred = (): WindowBounds & { maximized: boolean } => {
    if (!primary) return { ...DEFAULT_BOUNDS, maximized: false };
    const width = Math.min(DEFAULT_BOUNDS.width, primary.width);
    const height = Math.min(DEFAULT_BOUNDS.height, primary.height);
    return {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
      maximized: false,
    };
  };
  if (!state) return centred();
  const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: Math.min(state.height, MIN_VISIBLE) };
  const home = workAreas
    .map((area) => ({ area, seen: overlap(titleBar, area) }))
    .filter(({ seen }) => seen.width >= Math.min(MIN_VISIBLE, state.width) && seen.height > 0)
    .sort((a, b) => b.seen.width * b.seen.height - a.seen.width * a.seen.height)[0]?.area;
  if (!home) return { ...centred(), maximized: state.maximized };
  const width = Math.min(Math.max(state.width, MIN_SIZE.width), home.width);
  const height = Math.min(Math.max(state.height, MIN_SIZE.height), home.height);
  const x = Math.min(Math.max(state.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(state.y, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: state.maximized };
}

/** The remembered state, or null when there is none or it is not valid. */
export async function readWindowState(userData: string): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(path.join(userData, WINDOW_STATE_FILE), 'utf8');
  } catch {
    // First launch (no file) or unreadable: the default place is right.
    return null;
  }
  try {
    const parsed = WindowState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // Not JSON (truncated by a crash, edited by hand): start from the default place.
    return null;
  }
}

/** Writes the state atomically (a crash mid-write leaves the previous file). */
export async function writeWindowState(userData: string, state: WindowState): Promise<void> {
  const file = path.join(userData, WINDOW_STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(WindowState.parse(state))}\n`, { mode: 0o600 });
  await rename(tmp, file);
}
