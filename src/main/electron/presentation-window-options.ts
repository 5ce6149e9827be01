// Main process (Electron, but pure: no Electron import, so a unit test pins it): the options of
// the room's window. A `#/present/<deal>` window.open of our own app becomes a second window —
// full screen on a display other than the facilitator's when there is one, a 1280×720 window
// centred on the facilitator's display otherwise — with the main window's security posture.
import { isAppUrl, type RendererTarget } from './renderer-target';
import { mainWindowOptions } from './window-options';

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

const PRESENT_ROUTE = /^#\/present\/[^/]+$/;

/** Whether a window.open URL is our own app asking for the presentation route. */
export function isPresentationUrl(url: string, target: RendererTarget): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return isAppUrl(url, target) && PRESENT_ROUTE.test(parsed.hash);
}

/**
 * The options of the room's window, or null when `url` is not a presentation of this app.
 * `facilitatorDisplayId` is the display the facilitator's window is on: the room gets another one.
 */
export function presentationWindowOptions(
  url: string,
  target: RendererTarget,
  displays: readonly DisplayInfo[],
  facilitatorDisplayId: number,
  preloadPath: string,
) {
  if (!isPresentationUrl(url, target)) return null;
  const other = displays.find((d) => d.id !== facilitatorDisplayId);
  const home = displays.find((d) => d.id === facilitatorDisplayId) ?? displays[0];
  const { webPreferences } = mainWindowOptions(preloadPath);
  const common = {
    title: 'Deep Sales — presentation',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    show: true,
    webPreferences: { ...webPreferences, spellcheck: false },
  };
  if (other) {
    const { x, y, width, height } = other.bounds;
    return { ...common, x, y, width, height, fullscreen: true };
  }
  const width = 1280;
  const height = 720;
  const b = home?.bounds ?? { x: 0, y: 0, width, height };
  return {
    ...common,
    width,
    height,
    x: Math.round(b.x + Math.max(0, (b.width - width) / 2)),
    y: Math.round(b.y + Math.max(0, (b.height - height) / 2)),
    fullscreen: false,
  };
}
