// Renderer (pure): the one look every drawn chart shares — buying group map, journey map,
// workshop projection, model charts. Charts style their SVG with attributes, not CSS classes, so
// an exported copy looks like the screen (lib/export-image.ts); these are the values they use.
// The colours are the app's palette (styles.css) chosen for contrast on white, so a projected or
// printed chart still reads.

export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export const CHART_COLORS = {
  /** Text and marks that must read first. */
  ink: '#151b26',
  /** Axis labels and secondary text. */
  muted: '#4a5565',
  /** The app's accent: bars, forward moves, "influences". */
  accent: '#1d5bbf',
  /** Chart ground and text halos. */
  paper: '#ffffff',
  /** Structural lines: reporting lines, time in a job, glyph rims. */
  line: '#3b4656',
  /** Rules between lanes. */
  rule: '#c9d0da',
  /** Light grid lines. */
  grid: '#e4e8ee',
  /** Alternating lane and band fills. */
  band: '#f7f9fb',
  bandAlt: '#eef2f7',
  /** Reference lines (the calibration diagonal) and the neutral stance. */
  neutral: '#8b95a3',
  /** The rim of a mark whose value is unknown. */
  unknownRim: '#5b6574',
  /** Selection and the step being edited. */
  highlight: '#f2a900',
  /** Buying roles under a person's name. */
  role: '#3d2d91',
  /** Good news: champions, alliances. */
  positive: '#1b8a4d',
  supporter: '#2a9d8f',
  caution: '#d98a1c',
  /** Bad news: opponents, conflicts. */
  negative: '#d0342c',
  conflict: '#c0362c',
  /** Loops back in a journey. */
  loop: '#c2410c',
  /** Interactions on the journey map. */
  interaction: '#6a4bb5',
  /** The "today" marker. */
  today: '#a4231c',
} as const;

/**
 * One colour per buying job (problem identification … consensus creation, in BUYING_JOBS order),
 * each ≥ 4.5:1 on white so thin lines and labels read on a projector and on paper.
 */
export const JOB_COLORS = {
  problem_identification: '#8a1c1c',
  solution_exploration: '#8a4b00',
  requirements_building: '#2d6a12',
  supplier_selection: '#0b5f7a',
  validation: '#1d4fbf',
  consensus_creation: '#6b2c91',
} as const satisfies Record<string, string>;
