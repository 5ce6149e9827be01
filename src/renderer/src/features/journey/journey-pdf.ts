// Renderer (browser, same in Electron): a deal's journey (the Journey page's and the workshop's) as a multi-page VECTOR PDF, made
// by pdf-lib from the data (not the print dialog, not a screenshot): a title page, the journey
// fitted to landscape pages in groups of lanes (every page with its own axis), a legend, and the
// room's notes — numbered on the map where they are pinned and written out in full after it.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import * as d3 from 'd3';
import type { OpportunityDetail } from '@shared/api';
import { BUYING_JOBS, BUYING_JOB_LABEL, BUYING_ROLE_LABEL, type BuyingJob } from '@shared/domain';
import { buildLanes, jobIndex, laneEnd, PROJECTOR_METRICS, tickLabels, timeDomain, type Lane } from './journey-layout';
import { pinNotes } from './note-pins';

const PAGE: [number, number] = [842, 595]; // A4 landscape, points
const MARGIN = 36;
/** Lanes per journey page: 12 keeps a lane ≥ 35 pt tall, so six job levels stay apart on paper. */
export const LANES_PER_PAGE = 12;

const hex = (color: string) => {
  const n = parseInt(color.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};
const INK = hex('#151b26');
const MUTED = hex('#4a5565');
const RULE = hex('#c9d0da');
const BAND = hex('#f3f5f8');
const LOOP = hex('#c2410c');

export interface PdfOptions {
  jobColors: Readonly<Record<BuyingJob, string>>;
  /** "Buyer journey workshop" or "Buyer journey": the title page's second line. */
  subtitle: string;
  now: number;
  locale?: string;
  /** "4 Dec 2026" for the title page. */
  formatDate: (t: number) => string;
}

/** Text the standard fonts can encode (WinAnsi); anything else becomes its closest plain form or "?". */
function encodable(font: PDFFont): (text: string) => string {
  const ok = new Set(font.getCharacterSet());
  return (text) =>
    [...text.normalize('NFC')]
      .map((ch) => {
        if (ok.has(ch.codePointAt(0) ?? 0)) return ch;
        const plain = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        return plain && [...plain].every((c) => ok.has(c.codePointAt(0) ?? 0)) ? plain : ch === '→' ? '->' : '?';
      })
      .join('');
}

/** Lines no wider than `width` at `size`, broken between words (a word wider than a line is the only thing split). */
export function wrapToWidth(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function fit(text: string, width: number, font: PDFFont, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 1 && font.widthOfTextAtSize(`${text.slice(0, cut)}...`, size) > width) cut--;
  return `${text.slice(0, cut).trimEnd()}...`;
}

export async function buildJourneyPdf(detail: OpportunityDetail, options: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const o = detail.opportunity;
  const title = `${detail.account.name} — ${o.name}`;
  doc.setTitle(title);
  doc.setSubject(options.subtitle);
  doc.setProducer('Deep Sales');
  doc.setCreationDate(new Date(options.now));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const safe = encodable(regular);
  const text = (page: PDFPage, s: string, x: number, y: number, size: number, font = regular, color = INK) =>
    page.drawText(safe(s), { x, y, size, font, color });

  const lanes = buildLanes(o, detail.stakeholders, detail.journey, PROJECTOR_METRICS);
  const pins = pinNotes(detail.notes, lanes);
  const pages = Math.max(1, Math.ceil(lanes.length / LANES_PER_PAGE));
  const totalPages = 1 + pages + 1 + Math.max(1, Math.ceil(pins.length / 8));
  let pageNo = 0;
  const addPage = (heading: string) => {
    const page = doc.addPage(PAGE);
    pageNo += 1;
    text(page, heading, MARGIN, PAGE[1] - MARGIN - 4, 16, bold);
    text(page, `${safe(title)} · page ${pageNo} of ${totalPages}`, MARGIN, 18, 9, regular, MUTED);
    return page;
  };

  // 1. Title page.
  {
    const page = doc.addPage(PAGE);
    pageNo += 1;
    const titleLines = wrapToWidth(safe(title), PAGE[0] - 2 * MARGIN, (s) => bold.widthOfTextAtSize(s, 30));
    titleLines.forEach((line, i) => text(page, line, MARGIN, PAGE[1] / 2 + 60 - i * 38, 30, bold));
    const below = PAGE[1] / 2 + 60 - titleLines.length * 38;
    text(page, options.subtitle, MARGIN, below - 6, 18, regular, MUTED);
    const facts = [
      `${lanes.length} ${lanes.length === 1 ? 'person' : 'people'} in the buying group · ${detail.journey.length} journey steps · ${detail.notes.length} ${detail.notes.length === 1 ? 'note' : 'notes'}`,
      `Stage: ${o.stage.replace(/_/g, ' ')} · ${o.status === 'open' ? `closes ${options.formatDate(o.closeDate)}` : `${o.status} ${options.formatDate(o.closedAt ?? o.closeDate)}`}`,
      `Exported ${options.formatDate(options.now)}`,
    ];
    facts.forEach((line, i) => text(page, line, MARGIN, below - 40 - i * 20, 12, regular, INK));
    text(page, `page 1 of ${totalPages}`, MARGIN, 18, 9, regular, MUTED);
  }

  // 2. Journey pages: every page fits its group of lanes to the page, with its own axis.
  const [t0, t1] = timeDomain(o, detail.journey, detail.interactions, options.now);
  const labelW = 150;
  const left = MARGIN + labelW;
  const right = PAGE[0] - MARGIN;
  const x = d3.scaleTime().domain([t0, t1]).range([left, right]);
  const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 90)));
  const labels = tickLabels(
    ticks.map((t) => t.getTime()),
    options.locale,
  );
  const endAt = laneEnd(o, options.now);
  const pinNumber = new Map(pins.map((p, i) => [p.note.id, i + 1]));
  for (let p = 0; p < pages; p++) {
    const group = lanes.slice(p * LANES_PER_PAGE, (p + 1) * LANES_PER_PAGE);
    const page = addPage(
      pages > 1 ? `Journey — people ${p * LANES_PER_PAGE + 1}–${p * LANES_PER_PAGE + group.length} of ${lanes.length}` : 'Journey',
    );
    const axisY = PAGE[1] - MARGIN - 36;
    const bottom = 40;
    const laneH = Math.min(60, (axisY - 6 - bottom) / group.length);
    ticks.forEach((t, i) => {
      const tx = x(t);
      page.drawLine({ start: { x: tx, y: axisY - 4 }, end: { x: tx, y: axisY - 6 - group.length * laneH }, thickness: 0.5, color: RULE });
      const label = safe(labels[i] ?? '');
      const w = regular.widthOfTextAtSize(label, 9);
      text(page, label, Math.min(right - w, Math.max(left, tx - w / 2)), axisY, 9, regular, MUTED);
    });
    group.forEach((lane, row) => drawLane(page, lane, row, lanes.indexOf(lane)));
    function drawLane(page: PDFPage, lane: Lane, row: number, laneIndex: number) {
      const top = axisY - 6 - row * laneH;
      if (row % 2) page.drawRectangle({ x: MARGIN, y: top - laneH, width: right - MARGIN, height: laneH, color: BAND });
      const levelY = (job: BuyingJob) => top - 4 - (jobIndex(job) / 5) * (laneH - 8);
      const nameSize = Math.min(11, laneH * 0.42);
      text(
        page,
        fit(safe(lane.name), labelW - 8, bold, nameSize),
        MARGIN + 2,
        top - laneH / 2 + (laneH > 30 ? 1 : -nameSize / 3),
        nameSize,
        bold,
      );
      if (laneH > 30 && lane.role)
        text(page, fit(BUYING_ROLE_LABEL[lane.role], labelW - 8, regular, 8), MARGIN + 2, top - laneH / 2 - 10, 8, regular, MUTED);
      lane.steps.forEach((s, i) => {
        const next = lane.steps[i + 1];
        const y = levelY(s.job);
        const x0 = x(s.at);
        const x1 = x(next ? next.at : endAt);
        page.drawLine({
          start: { x: x0, y },
          end: { x: x1, y },
          thickness: 2,
          color: hex(options.jobColors[s.job]),
          opacity: next ? 1 : 0.45,
        });
        if (next) {
          const back = jobIndex(next.job) < jobIndex(s.job) || next.move === 'loop_back';
          page.drawLine({
            start: { x: x1, y },
            end: { x: x1, y: levelY(next.job) },
            thickness: back ? 1.6 : 0.8,
            color: back ? LOOP : MUTED,
            dashArray: back ? [3, 2] : undefined,
          });
        }
        page.drawCircle({ x: x0, y, size: 2.6, color: hex(options.jobColors[s.job]) });
      });
      pins
        .filter((pin) => pin.lane === laneIndex)
        .forEach((pin) => {
          const px = pin.at === null ? right - 8 : x(pin.at);
          const py = pin.job ? levelY(pin.job) : top - laneH / 2;
          page.drawCircle({ x: px, y: py + 7, size: 6, color: hex('#fff1a0'), borderColor: INK, borderWidth: 0.8 });
          const n = String(pinNumber.get(pin.note.id));
          text(page, n, px - bold.widthOfTextAtSize(n, 7) / 2, py + 4.6, 7, bold);
        });
    }
  }

  // 3. Legend.
  {
    const page = addPage('Legend');
    let y = PAGE[1] - MARGIN - 44;
    text(page, 'Each person is one lane; the line steps up and down through the six buying jobs over time.', MARGIN, y, 11);
    y -= 30;
    BUYING_JOBS.forEach((job, i) => {
      page.drawLine({
        start: { x: MARGIN, y: y + 4 },
        end: { x: MARGIN + 40, y: y + 4 },
        thickness: 3,
        color: hex(options.jobColors[job]),
      });
      text(
        page,
        `${i + 1}. ${BUYING_JOB_LABEL[job]} (${i === 0 ? 'top of a lane' : i === 5 ? 'bottom of a lane' : `level ${i + 1}`})`,
        MARGIN + 52,
        y,
        12,
      );
      y -= 22;
    });
    y -= 10;
    page.drawLine({
      start: { x: MARGIN + 20, y: y + 12 },
      end: { x: MARGIN + 20, y: y - 4 },
      thickness: 1.6,
      color: LOOP,
      dashArray: [3, 2],
    });
    text(page, 'Loop back: the person went back to an earlier job', MARGIN + 52, y, 12);
    y -= 24;
    page.drawLine({ start: { x: MARGIN, y: y + 4 }, end: { x: MARGIN + 40, y: y + 4 }, thickness: 2, color: MUTED, opacity: 0.45 });
    text(
      page,
      o.status === 'open' ? 'Pale line: still in that job today' : 'Pale line: in that job until the deal closed',
      MARGIN + 52,
      y,
      12,
    );
    y -= 24;
    page.drawCircle({ x: MARGIN + 20, y: y + 4, size: 6, color: hex('#fff1a0'), borderColor: INK, borderWidth: 0.8 });
    text(page, 'Numbered marker: a workshop note pinned to that person, job and time (see Notes)', MARGIN + 52, y, 12);
  }

  // 4. Notes, in full, eight to a page.
  const names = new Map(detail.stakeholders.map((s) => [s.id as string, s.name]));
  const notePages = Math.max(1, Math.ceil(pins.length / 8));
  for (let p = 0; p < notePages; p++) {
    const page = addPage(notePages > 1 ? `Notes (${p + 1} of ${notePages})` : 'Notes');
    let y = PAGE[1] - MARGIN - 44;
    const chunk = pins.slice(p * 8, (p + 1) * 8);
    if (chunk.length === 0) text(page, 'No notes were put up on this journey.', MARGIN, y, 12, regular, MUTED);
    chunk.forEach((pin) => {
      const n = pinNumber.get(pin.note.id);
      const who = pin.note.stakeholderId ? (names.get(pin.note.stakeholderId) ?? 'Former group member') : 'Whole group';
      const where = `${who}${pin.job ? ` · ${BUYING_JOB_LABEL[pin.job]}` : ''}${pin.note.at !== undefined ? ` · ${options.formatDate(pin.note.at)}` : ''}`;
      text(page, `${n}. ${safe(where)}`, MARGIN, y, 11, bold, MUTED);
      y -= 16;
      for (const line of wrapToWidth(safe(pin.note.text), PAGE[0] - 2 * MARGIN - 16, (s) => regular.widthOfTextAtSize(s, 12)).slice(0, 6)) {
        text(page, line, MARGIN + 16, y, 12);
        y -= 15;
      }
      y -= 10;
    });
  }
  return doc.save();
}
