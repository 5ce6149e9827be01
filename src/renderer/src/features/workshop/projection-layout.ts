// Renderer (pure): how a journey fits a projector. Every lane of the group stays on screen at a
// type size the back of the room can read (28 px and up): lanes shrink to a compact strip before
// anything is cut, and only when even compact strips do not fit are the lanes paged in groups.
// Also: sticky-note text wrapped at word boundaries, and names cut to the label column.
import type { BuyingJob } from '@shared/domain';

/** Smallest text on the projection, in CSS pixels (the floor for the back of a room). */
export const PROJECTION_FONT = 28;
/** A compact lane: one line of 28 px type. */
export const MIN_LANE = 28;
/** Lanes do not grow past this even when there are few people. */
export const MAX_LANE = 120;
/** Room for the time axis above the first lane. */
export const PROJECTION_AXIS = 44;

/** The jobs' names at projector size: one short word each (the legend, the job-by-job reveal). */
export const JOB_TAG: Record<BuyingJob, string> = {
  problem_identification: 'Problem',
  solution_exploration: 'Explore',
  requirements_building: 'Require',
  supplier_selection: 'Select',
  validation: 'Validate',
  consensus_creation: 'Consensus',
};

export interface LaneFit {
  laneHeight: number;
  perPage: number;
  pages: number;
}

/** Lanes of `n` people in `height` px: as tall as fits (MIN_LANE…MAX_LANE), paged only below MIN_LANE. */
export function fitLanes(n: number, height: number): LaneFit {
  const perPageMax = Math.max(1, Math.floor(height / MIN_LANE));
  if (n <= perPageMax) {
    return { laneHeight: n === 0 ? MAX_LANE : Math.min(MAX_LANE, Math.floor(height / n)), perPage: Math.max(1, n), pages: 1 };
  }
  const pages = Math.ceil(n / perPageMax);
  const perPage = Math.ceil(n / pages);
  return { laneHeight: Math.min(MAX_LANE, Math.floor(height / perPage)), perPage, pages };
}

/** Average advance of a character at font size 1, for the sans-serif the app uses (bold a little wider). */
const CHAR_EM = 0.56;

export function textWidth(text: string, font: number, bold = false): number {
  return text.length * font * (bold ? CHAR_EM + 0.04 : CHAR_EM);
}

/** A time-axis label where it would be drawn: `x` is its anchor point, as SVG's text-anchor reads it. */
export interface AxisLabel {
  x: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Which tick labels to draw, left to right, so that none runs into the one before it: d3 asks
 * for "about n" ticks and may give weekly ones 130 px apart, while "Oct 25, 2026" in 28 px type
 * is near 200 px wide. A label left out keeps its grid line; null (a label Today covers) is
 * never drawn and blocks nothing.
 */
export function spacedLabels(labels: readonly (AxisLabel | null)[], font: number, gap = font): boolean[] {
  let lastEnd = -Infinity;
  return labels.map((label) => {
    if (!label) return false;
    const width = textWidth(label.text, font);
    const start = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
    if (start < lastEnd + gap) return false;
    lastEnd = start + width;
    return true;
  });
}

/** A name cut to fit `width` px with an ellipsis (the full name stays in the lane's title). */
export function fitText(text: string, width: number, font: number, bold = false): string {
  if (textWidth(text, font, bold) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (font * (bold ? CHAR_EM + 0.04 : CHAR_EM))) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

/**
 * Lines of at most `maxChars` characters, broken between words. A single word longer than a
 * line is the only thing ever split (a pasted URL); "Procurement" is never cut in two when it fits.
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= limit) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (rest.length > limit) {
        lines.push(rest.slice(0, limit));
        rest = rest.slice(limit);
      }
      line = rest;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The time window shown at a zoom level: the whole span at 1, centred on `focus` when zoomed in. */
export function zoomDomain(domain: readonly [number, number], zoom: number, focus: number): [number, number] {
  const [t0, t1] = domain;
  if (zoom <= 1) return [t0, t1];
  const span = (t1 - t0) / zoom;
  const start = Math.min(t1 - span, Math.max(t0, focus - span / 2));
  return [start, start + span];
}
