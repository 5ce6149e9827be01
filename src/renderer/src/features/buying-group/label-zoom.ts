// Renderer (pure): semantic zoom for the map's labels. Zoomed out, d3-zoom shrinks everything,
// so a 26-person fit (k ≈ 0.4) drew 13-unit names at ~5 px. Below LABEL_K0 the name and role
// lines are drawn `s` times larger in graph units, so they keep a readable size on screen; at
// k ≥ LABEL_K0 nothing changes. Bigger labels take room a neighbour may need, so labels are
// placed in rank order (people on the highlighted deal, then the most influential), each as
// large as it can be up to s without covering anyone's circle or a label placed before it:
// 1. name and roles at s, or at less if still readable (≥ READABLE_PX on screen);
// 2. else the name alone, as large as it fits up to s, if still readable;
// 3. else nothing (until hover or focus) rather than a label drawn over someone, or a name too
//    small to read (a 6 px name is noise; hover shows it at full size).
// A label never drawn below s = 1, and at s = 1 everyone's whole label is drawn, as before.
// Exports are always drawn at s = 1 (buying-group.css). Fit counts the labels at the scale it
// lands on (fitWithLabels), or a zoomed-out label at the edge is cut off by the view.
import { fitTransform, type Bounds, type ViewTransform } from './coords';
import type { Point } from './map-layout';

/** At or above this zoom, labels are drawn as they always were. 13 × 0.9 ≈ 11.7 px names. */
export const LABEL_K0 = 0.9;
/** Never more than this: below k = LABEL_K0 / LABEL_MAX_SCALE (0.36) labels shrink again. */
export const LABEL_MAX_SCALE = 2.5;
/** Space between a circle and the top of its name, graph units at s = 1 (it grows with s). */
export const LABEL_GAP = 4;
/** Baselines inside the label block, at s = 1: name (13 px), roles (11.5 px). */
export const NAME_BASELINE = 12;
export const ROLES_BASELINE = 26;
/** Height of the block (descenders included) with and without the role line, at s = 1. */
const BLOCK_WITH_ROLES = 30;
const BLOCK_NAME_ONLY = 16;
/** The halo's stroke reaches this far past the glyphs on each side. */
const HALO = 2;
/** A name this size on screen (px) is readable: a full label may stay smaller than s down to it. */
export const READABLE_PX = 11;
const NAME_SIZE = 13;

/** How much larger labels are drawn at zoom k: 1 at k ≥ LABEL_K0, then K0 / k up to the cap. */
export function labelScale(k: number): number {
  if (!(k > 0)) return 1;
  return Math.min(LABEL_MAX_SCALE, Math.max(1, LABEL_K0 / k));
}

/**
 * Where the name and role baselines sit below the node's centre at scale s. The block starts
 * LABEL_GAP × s under the circle and grows downwards, so a larger label never reaches up into
 * its own circle. At s = 1: radius + 16 and radius + 30, as before.
 */
export function labelPlacement(radius: number, s: number): { nameY: number; rolesY: number } {
  return { nameY: radius + (LABEL_GAP + NAME_BASELINE) * s, rolesY: radius + (LABEL_GAP + ROLES_BASELINE) * s };
}

export interface LabelledNode extends Point {
  id: string;
  radius: number;
  /** Widths of the two lines at s = 1 (map-layout.ts labelWidth estimates them); 0: no role line. */
  nameWidth: number;
  rolesWidth: number;
  /** Rank for keeping a label when room runs out: lower first. */
  rank: number;
}

/** The most of a label drawn: both lines, the name alone, or nothing. */
export type LabelLevel = 'full' | 'name' | 'none';
export interface LabelDraw {
  id: string;
  level: LabelLevel;
  /** The scale it is drawn at (hidden: the size it shows at on hover or focus). */
  scale: number;
}

/** A label block at scale 1: its top (fixed under the circle), and height and half width per unit of scale. */
interface Block {
  x: number;
  top: number;
  height: number;
  halfW: number;
}
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function blockOf(n: LabelledNode, withRoles: boolean): Block {
  const roles = withRoles && n.rolesWidth > 0;
  return {
    x: n.x,
    top: n.y + n.radius,
    height: LABEL_GAP + (roles ? BLOCK_WITH_ROLES : BLOCK_NAME_ONLY),
    halfW: Math.max(n.nameWidth, roles ? n.rolesWidth : 0) / 2 + HALO,
  };
}

function boxAt(b: Block, scale: number): Box {
  return { left: b.x - b.halfW * scale, right: b.x + b.halfW * scale, top: b.top, bottom: b.top + b.height * scale };
}

/**
 * Largest scale at which the growing block stays clear of a fixed box. They overlap only once
 * both the horizontal and the vertical gap are gone, so it is the larger of the two thresholds;
 * a box wholly above the block's top is never met, however tall the block grows.
 */
function roomAgainst(b: Block, box: Box): number {
  const across = Math.max(box.left - b.x, b.x - box.right) / b.halfW;
  const down = b.top >= box.bottom ? Infinity : (box.top - b.top) / b.height;
  return Math.max(across, down);
}

export interface PreparedLabels {
  readonly ranked: readonly { id: string; full: Block; name: Block; circleFull: number; circleName: number }[];
}

/**
 * The part that depends only on positions (O(n²) against every circle), done when people move,
 * not per zoom frame.
 */
export function prepareLabels(nodes: readonly LabelledNode[]): PreparedLabels {
  const ranked = [...nodes].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const circles = ranked.map((c) => ({
    id: c.id,
    box: { left: c.x - c.radius, right: c.x + c.radius, top: c.y - c.radius, bottom: c.y + c.radius },
  }));
  return {
    ranked: ranked.map((n) => {
      const full = blockOf(n, true);
      const name = blockOf(n, false);
      let circleFull = Infinity;
      let circleName = Infinity;
      for (const c of circles) {
        if (c.id === n.id) continue;
        circleFull = Math.min(circleFull, roomAgainst(full, c.box));
        circleName = Math.min(circleName, roomAgainst(name, c.box));
      }
      return { id: n.id, full, name, circleFull, circleName };
    }),
  };
}

/**
 * Per zoom frame: what of each label is drawn, and how large, at view scale k. O(n²) in plain
 * arithmetic (80 people: ~3,200 box tests, well under a millisecond).
 */
export function placeLabels(prepared: PreparedLabels, k: number): LabelDraw[] {
  const s = labelScale(k);
  if (s === 1) return prepared.ranked.map((n) => ({ id: n.id, level: 'full', scale: 1 }));
  const placed: Box[] = [];
  return prepared.ranked.map((n) => {
    let fullRoom = n.circleFull;
    let nameRoom = n.circleName;
    for (const box of placed) {
      fullRoom = Math.min(fullRoom, roomAgainst(n.full, box));
      nameRoom = Math.min(nameRoom, roomAgainst(n.name, box));
    }
    // Smaller than s only while still readable; at s itself, as readable as this zoom allows.
    const readable = (scale: number) => scale >= 1 && (scale === s || NAME_SIZE * k * scale >= READABLE_PX);
    const fullScale = Math.min(s, fullRoom);
    const nameScale = Math.min(s, nameRoom);
    let draw: LabelDraw;
    if (readable(fullScale)) draw = { id: n.id, level: 'full', scale: fullScale };
    else if (readable(nameScale)) draw = { id: n.id, level: 'name', scale: nameScale };
    else return { id: n.id, level: 'none', scale: s };
    placed.push(boxAt(draw.level === 'full' ? n.full : n.name, draw.scale));
    return draw;
  });
}

/** How far everyone's whole label reaches at scale s (graph units); null for nobody. */
export function labelBounds(prepared: PreparedLabels, s: number): Bounds | null {
  if (prepared.ranked.length === 0) return null;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const { full } of prepared.ranked) {
    const box = boxAt(full, s);
    minX = Math.min(minX, box.left);
    minY = Math.min(minY, box.top);
    maxX = Math.max(maxX, box.right);
    maxY = Math.max(maxY, box.bottom);
  }
  return { minX, minY, maxX, maxY };
}

/**
 * The fit for circles within `circles` whose labels are drawn at labelScale(k) of the k it lands
 * on. Labels grow as k shrinks, so each round fits circles and labels at the last round's k; below
 * the cap a label keeps its screen size (s = K0 / k), so the rounds settle at once (from above:
 * the last round's labels are at most a few px past the padding).
 */
export function fitWithLabels(circles: Bounds, prepared: PreparedLabels, width: number, height: number): ViewTransform {
  let t = fitTransform(circles, width, height);
  for (let round = 0; round < 4; round++) {
    const labels = labelBounds(prepared, labelScale(t.k));
    if (!labels) break;
    t = fitTransform(
      {
        minX: Math.min(circles.minX, labels.minX),
        minY: Math.min(circles.minY, labels.minY),
        maxX: Math.max(circles.maxX, labels.maxX),
        maxY: Math.max(circles.maxY, labels.maxY),
      },
      width,
      height,
    );
  }
  return t;
}
