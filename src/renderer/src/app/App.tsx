// Renderer: the app shell — navigation, header with sync status, and the current page.
import { useEffect, useMemo, useRef, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useHostEvents } from '../api/events';
import { ProgressToast } from '../components/ProgressToast';
import { useProgressEvents } from '../components/use-progress';
import { Nav } from './Nav';
import { createQueryClient } from './query-client';
import { parseRoute, useHash } from '@renderer/lib/router';
import { RouteView } from './RouteView';
import { SyncBadge } from './SyncBadge';
import { LogProvider } from '@renderer/components/log/log-context';
import { UndoProvider } from '@renderer/components/undo';
import { LogButton, useLogShortcut } from './LogShortcut';

function Shell() {
  useHostEvents();
  useProgressEvents();
  useLogShortcut();
  const hash = useHash();
  const route = useMemo(() => parseRoute(hash), [hash]);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After navigation, start the new page at its top and move focus there, so screen readers
  // announce it and Tab starts in the page rather than back in the navigation.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main) return;
    main.scrollTop = 0;
    main.focus({ preventScroll: true });
  }, [hash]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); mainRef.current?.focus(); }}>
        Skip to content
      </a>
      <Nav route={route} />
      <div className="shell-body">
        <header className="topbar">
          <LogButton />
          <SyncBadge />
        </header>
        <main id="main" ref={mainRef} tabIndex={-1} className="main">
          <RouteView route={route} />
        </main>
      </div>
      <ProgressToast />
    </div>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <UndoProvider>
        <LogProvider>
          <Shell />
        </LogProvider>
      </UndoProvider>
    </QueryClientProvider>
  );
}
