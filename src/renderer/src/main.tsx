// Renderer entry: ask the first page's questions and take the host's clock, then mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api/client';
import { App } from './app/App';
import { askFirstAnswers } from './app/first-answers';
import { createQueryClient } from './app/query-client';
import { adoptHostClock } from './lib/clock';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('DS_RENDERER_NO_ROOT: index.html has no #root element');

async function takeHostClock(): Promise<void> {
  const sentAt = Date.now();
  try {
    const { now } = await call('app.clock', {});
    adoptHostClock(now, sentAt, Date.now());
  } catch (error) {
    // The app still works on the machine's clock; the host's own error surfaces on the first query.
    console.warn("[clock] could not read the host clock; using this machine's", error);
  }
}

const queryClient = createQueryClient();
askFirstAnswers(queryClient, window.location.hash);

void takeHostClock().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
});
