// Renderer: the DOM side of the map's semantic zoom (label-zoom.ts is the pure placement).
// Room is judged from the labels' real widths, measured in the font the map draws them in:
// placement packs labels edge to edge, so map-layout.ts's estimate (0.62 em a character) let
// wide names overlap by a unit or two ("Mateo Ueda" draws at 0.67 em), at whichever zoom
// happened to pack those two closest (issue: buying-group-big, org chart at 1280).
import { CHART_FONT } from '@renderer/lib/chart-theme';
import { textWidth } from '@renderer/lib/text-width';
import { labelScale, placeLabels, prepareLabels, type LabelLevel, type PreparedLabels } from './label-zoom';
import { NAME_FONT, ROLES_FONT, ariaLabelAt, type DrawnNode, type Sel } from './graph-draw';
import { labelWidth, type Point } from './map-layout';

export interface LabelState {
  /** The zoom the labels were last placed for (1: at or above LABEL_K0, where all are full). */
  k: number;
  prepared: PreparedLabels;
  drawn: Map<string, { level: LabelLevel; scale: number }>;
}

export function newLabelState(): LabelState {
  return { k: 1, prepared: prepareLabels([]), drawn: new Map() };
}

function widthOf(text: string, font: { size: number; weight: number }): number {
  if (!text) return 0;
  return textWidth(text, `${font.weight} ${font.size}px ${CHART_FONT}`) ?? labelWidth(text, font.size);
}

/**
 * Judges each label's room against everyone's circle, for people standing at `at` (where a
 * layout is taking them, or where a drag left them). O(n²): once per move, not per zoom frame.
 */
export function prepareNodeLabels(labels: LabelState, people: readonly DrawnNode[], at: (n: DrawnNode) => Point): void {
  labels.prepared = prepareLabels(
    people.map((n) => ({
      id: n.id,
      x: at(n).x,
      y: at(n).y,
      radius: n.radius,
      nameWidth: widthOf(n.name, NAME_FONT),
      rolesWidth: widthOf(n.rolesText, ROLES_FONT),
      // People on the highlighted deal keep their names first, then the most influential.
      rank: (n.inDeal ? 0 : 1000) - n.radius,
    })),
  );
}

/**
 * Places the labels for zoom k and writes only what changed: a CSS variable for a person's
 * label size, a data attribute for what of it shows. Runs per zoom frame; it does nothing at
 * k ≥ LABEL_K0 or while k stays put. Keyed on k, not on the label scale: past the scale's cap
 * a smaller full label stays only while it reads ≥ READABLE_PX at this k. `all` re-writes
 * everyone after a new join or new room.
 */
export function applyLabels(labels: LabelState, nodes: Sel<SVGGElement, DrawnNode> | null, k: number, all = false): void {
  const key = labelScale(k) === 1 ? 1 : Math.round(k * 1000) / 1000;
  if (!all && key === labels.k) return;
  labels.k = key;
  const draws = new Map(placeLabels(labels.prepared, key).map((d) => [d.id, d]));
  nodes?.each(function (d) {
    const draw = draws.get(d.id) ?? { level: 'full', scale: 1 };
    const was = labels.drawn.get(d.id);
    // Rounded down, so the drawn label never outgrows the room it was given.
    const scale = Math.floor(draw.scale * 100 + 1e-9) / 100;
    if (!all && was && was.level === draw.level && was.scale === scale) return;
    labels.drawn.set(d.id, { level: draw.level, scale });
    if (draw.level === 'full') this.removeAttribute('data-label');
    else this.setAttribute('data-label', draw.level);
    if (!was || was.level !== draw.level || all) this.setAttribute('aria-label', ariaLabelAt(this, d, draw.level));
    if (scale === 1) this.style.removeProperty('--bg-label-scale');
    else this.style.setProperty('--bg-label-scale', String(scale));
  });
}
