// Renderer: the one locale every date and number is written in — the user's (the browser's or
// Electron's language), so a page never mixes "20 Feb 2027" with "12/04/2026". Words stay
// English; only the way numbers and dates read follows the user.
export const USER_LOCALE: string =
  (typeof navigator !== 'undefined' && typeof navigator.language === 'string' && navigator.language) || 'en-US';
