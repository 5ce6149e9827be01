// Renderer: the first page's questions, asked as the code starts rather than after the app mounts.
// Mounting waited for the host's clock, then the store gate's answer, and only then did Today ask
// for its ranking: three round trips in a row, ~90 ms of a relaunch on L (test/bench/today-web).
// Asked here, beside the clock, the answers are in the cache (or on their way) when the pages ask.
import type { QueryClient } from '@tanstack/react-query';
import { storeHealthQuery } from '@renderer/features/recovery/queries';
import { todayQuery, TODAY_LIMIT } from '@renderer/data/scoring';
import { youQuery } from '@renderer/data/team';
import { parseRoute } from '@renderer/lib/router';

/** What the gate and the page at `hash` will ask first (only Today's is known before it mounts). */
export function askFirstAnswers(client: QueryClient, hash: string): void {
  void client.prefetchQuery(storeHealthQuery());
  if (parseRoute(hash).page !== 'today') return;
  // Today asks for "my" ranking until "you" is known (TodayPage): the same key, asked once.
  void client.prefetchQuery(todayQuery(TODAY_LIMIT, 'me'));
  void client.prefetchQuery(youQuery());
}
