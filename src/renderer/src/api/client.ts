// Renderer: the typed call surface. Feature queries.ts and mutation hooks use `call`; components
// never do.
import { ApiError, type InputOf, type MethodName, type OutputOf, type Transport } from '@shared/api';
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
 * Outputs are not re-parsed here: the host validates what it returns against the same contract
 * (validate once, at the boundary), and re-parsing 5,000 account summaries would cost a frame.
 */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  let result;
  try {
    result = await getTransport().invoke(method, input);
  } catch (error) {
    throw toApiError(error);
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.output as OutputOf<M>;
}

// Every queryFn and mutationFn goes through `call`, which only ever throws ApiError.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}
