// Renderer: the typed call surface. The data layer (data/query.ts, data/mutation.ts) uses `call`;
// features and components never do.
import { API, ApiError, type InputOf, type MethodName, type OutputOf, type Transport } from '@shared/api';
import { toApiError } from './errors';
import { selectTransport } from './transport';

let current: Transport | null = null;

export function getTransport(): Transport {
  current ??= selectTransport();
  return current;
}

/** For tests and for a host that wants to hand the renderer a transport explicitly. */
export function setTransport(transport: Transport): void {
  current = transport;
}

/**
 * Whether answers are checked against the contract's `output`. The host validates inputs, not
 * what it returns, so in development and tests (vitest; the e2e build sets
 * VITE_DS_VALIDATE_OUTPUTS=1) every answer is parsed here and a mismatch fails loudly. A
 * production build trusts the host: re-parsing 5,000 account summaries would cost a frame.
 */
export const VALIDATE_OUTPUTS: boolean = import.meta.env.DEV || import.meta.env['VITE_DS_VALIDATE_OUTPUTS'] === '1';

/** Throws DS_API_BAD_OUTPUT when an answer does not match the contract. The answer is kept as sent. */
export function checkOutput(method: MethodName, output: unknown): void {
  const checked = API[method].output.safeParse(output);
  if (checked.success) return;
  const details = checked.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message }));
  console.error(`[api] DS_API_BAD_OUTPUT: ${method}`, details);
  throw new ApiError('DS_API_BAD_OUTPUT', `The answer to ${method} does not match the API contract.`, details);
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  let result;
  try {
    result = await getTransport().invoke(method, input);
  } catch (error) {
    throw toApiError(error);
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  if (VALIDATE_OUTPUTS) checkOutput(method, result.output);
  return result.output as OutputOf<M>;
}

// Every queryFn and mutationFn goes through `call`, which only ever throws ApiError.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}
