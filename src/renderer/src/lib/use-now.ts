// Renderer: a clock for relative times ("5 minutes ago") that re-renders on a slow tick; it
// reads the host's clock (lib/clock.ts), so a host running at DS_NOW shows the same "today".
import { useEffect, useState } from 'react';
import { now as clockNow } from './clock';

export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(clockNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(clockNow()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
