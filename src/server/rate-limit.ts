// Sync server (Node): limits failed attempts per key (sign-in: email + client IP) in a sliding
// window. Only failures count, and a success clears its key, so a person who types the right
// password is never held back by their own earlier typos; a guesser gets `maxFailures` tries
// per window from each address. The check is made before the password is hashed, so refused
// attempts cost the server no argon2 work.
//
// Kept in memory per instance: N instances behind a load balancer allow up to N × maxFailures
// per window, which is still far from what guessing needs. Behind a proxy, set the server's
// trustProxy so the client's address, not the proxy's, is part of the key.

export interface FailureLimiterOptions {
  maxFailures: number;
  windowMs: number;
  /** Keys tracked at most; beyond it the oldest are forgotten (bounds memory under a flood). */
  maxKeys?: number;
}

export interface FailureLimiter {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  succeed(key: string): void;
}

export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  const maxKeys = options.maxKeys ?? 100_000;
  /** Failure times per key, oldest first, never more than maxFailures; Map order = first failure. */
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const times = failures.get(key);
    if (!times) return [];
    while (times.length > 0 && times[0]! <= now - options.windowMs) times.shift();
    if (times.length === 0) failures.delete(key);
    return times;
  };
  return {
    retryAfterMs(key, now = Date.now()) {
      const times = recent(key, now);
      return times.length < options.maxFailures ? 0 : times[0]! + options.windowMs - now;
    },
    fail(key, now = Date.now()) {
      const times = recent(key, now);
      if (times.length === 0) {
        if (failures.size >= maxKeys) failures.delete(failures.keys().next().value!);
        failures.set(key, times);
      }
      times.push(now);
      if (times.length > options.maxFailures) times.shift();
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
