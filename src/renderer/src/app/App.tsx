// Renderer: the app shell — navigation, header with sync status, and the current page.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { onAppCommand } from '@renderer/api/app-commands';
import { useHostEvents } from '../data/host-events';
import { ProgressToast } from '../components/ProgressToast';
import { Nav } from './Nav';
import { parseRoute, useHash } from '@renderer/lib/router';
import { RouteView } from './RouteView';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SyncBadge } from './SyncBadge';
import { SearchPalette } from '@renderer/features/search/SearchPalette';
import { StoreGate } from './StoreGate';

// The projection window: the room's screen, without the app's navigation (loaded on first use).
const PresentPage = lazy(() => import('../features/workshop/PresentPage').then((m) => ({ default: m.PresentPage })));

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const SEARCH_KEYS = IS_MAC ? '⌘K' : 'Ctrl+K';

/** Ctrl/Cmd+K opens search from anywhere, even from a text field (as in every app with a palette). */
function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (IS_MAC ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    // The desktop menu's Search (its accelerator takes the key before the page does).
    const offCommand = onAppCommand((command) => {
      if (command === 'search') open();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offCommand();
    };
  }, [open]);
}

import { LogProvider } from '@renderer/components/log/log-context';
import { UndoProvider } from '@renderer/components/undo';
import { LogButton, useLogShortcut } from './LogShortcut';

function Shell() {
  useHostEvents();
  useLogShortcut();
  const hash = useHash();
  const route = useMemo(() => parseRoute(hash), [hash]);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [searching, setSearching] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const openSearch = useCallback(() => {
    returnFocus.current ??= document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSearching(true);
  }, []);
  const closeSearch = useCallback(() => {
    setSearching(false);
    const back = returnFocus.current;
    returnFocus.current = null;
    // After a choice the page changes and focus moves to it; otherwise back where it was.
    requestAnimationFrame(() => {
      if (back?.isConnected && document.activeElement === document.body) back.focus();
    });
  }, []);
  useSearchShortcut(openSearch);

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

  if (route.page === 'present') {
    return (
      <Suspense fallback={null}>
        <PresentPage key={route.opportunityId} opportunityId={route.opportunityId} />
      </Suspense>
    );
  }
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <Nav route={route} />
      <div className="shell-body">
        <header className="topbar">
          <button
            type="button"
            className="topbar-search"
            onClick={openSearch}
            data-testid="open-search"
            aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'}
          >
            <span aria-hidden="true" className="palette-icon">
              ⌕
            </span>
            <span className="topbar-search-text">Search accounts, people, deals, notes</span>
            <kbd className="palette-kbd" aria-hidden="true">
              {SEARCH_KEYS}
            </kbd>
          </button>
          <LogButton />
          <SyncBadge />
        </header>
        <ReadOnlyBanner />
        <main id="main" ref={mainRef} tabIndex={-1} className="main">
          <RouteView route={route} />
        </main>
      </div>
      <ProgressToast />
      {searching ? <SearchPalette onClose={closeSearch} /> : null}
    </div>
  );
}

/** The app around `queryClient`, made at boot so the first questions go out before it mounts. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <UndoProvider>
        <LogProvider>
          <StoreGate>
            <Shell />
          </StoreGate>
        </LogProvider>
      </UndoProvider>
    </QueryClientProvider>
  );
}
