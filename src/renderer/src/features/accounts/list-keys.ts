// Renderer (pure): where the active row goes for a key press in a list; null = not ours.
export function nextActiveIndex(key: string, active: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'PageDown':
      return Math.min(last, active + pageSize);
    case 'PageUp':
      return Math.max(0, active - pageSize);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
