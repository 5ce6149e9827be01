// Renderer: pages whose code loads on demand without React Suspense (issue 17).
//
// Why not React.lazy: a lazy component suspends on its first render even when its chunk was
// fetched long before (lazy only learns the import resolved a microtask later), and React 19
// then holds the revealed page until 300 ms after the fallback was shown (its fallback
// throttle). An 80-person map waited that long for nothing. Here the module, once loaded, is
// kept in a plain variable: a page whose code is in memory renders in the same commit as the
// navigation, and one still loading shows "Opening the page…" until it arrives.
//
// A chunk that fails to load (the preview restarted, a network blip) shows "This page did not
// open" with Try again, which asks for the chunk once more.
import { useEffect, useState, type ReactElement } from 'react';
import { Loading } from '../components/states';

export interface PageModule<M> {
  /** Starts (or joins) loading the code; resolves with the module. A failed load can be retried. */
  load(): Promise<M>;
  /** The module, once loaded; null before. */
  loaded(): M | null;
}

export function pageModule<M>(importer: () => Promise<M>): PageModule<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load() {
      loading ??= importer().then(
        (m) => {
          module = m;
          return m;
        },
        (error: unknown) => {
          // Forget the failure, so the next load (Try again, the next visit) asks again.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}

/**
 * Renders `render(module)` once the module is loaded: at once when it already is, else after
 * "Opening the page…". Keyed by its caller per page, so a new page starts a fresh attempt.
 */
export function ModulePage<M>({ module, render }: { module: PageModule<M>; render: (m: M) => ReactElement }) {
  const [, setLoaded] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const ready = module.loaded();
  useEffect(() => {
    if (ready) return;
    let live = true;
    module.load().then(
      () => live && setLoaded((n) => n + 1),
      (e: unknown) => {
        // Logged with its code for support; the person gets the words and a way out below.
        console.error('DS_PAGE_CHUNK_FAILED: the page code did not load', e);
        if (live) setError(e ?? new Error('DS_PAGE_CHUNK_FAILED'));
      },
    );
    return () => {
      live = false;
    };
  }, [module, ready, attempt]);
  if (ready) return render(ready);
  if (error !== null) {
    return (
      <section className="page">
        <h1 id="page-title">This page did not open</h1>
        <div className="state state-error" role="alert">
          <p className="state-title">Its code could not be loaded from Deep Sales.</p>
          <p>Try again; if it keeps failing, restart the app.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      </section>
    );
  }
  return <Loading label="Opening the page…" />;
}
