// Renderer: "log from anywhere". Any page opens the log dialog through useLog(); pages that are
// about an account or a deal say so with useLogTarget(), so Ctrl/⌘+L (bound in app/) logs
// there. Elsewhere the dialog first asks which account.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AccountId, Interaction, OpportunityId, StakeholderId } from '@shared/domain';
import { LogDialog } from './LogDialog';

export interface LogRequest {
  accountId?: AccountId | undefined;
  opportunityId?: OpportunityId | undefined;
  title?: string | undefined;
  preselected?: readonly StakeholderId[] | undefined;
  /** Edit this interaction instead of logging a new one. */
  existing?: Interaction | undefined;
  onSaved?: ((saved: { attendees: string[] }) => void) | undefined;
}
export interface LogTarget {
  accountId: AccountId;
  opportunityId?: OpportunityId | undefined;
}

interface LogApi {
  open: (request: LogRequest) => void;
  /** Opens the dialog for the page's account or deal (what Ctrl/⌘+L does). */
  openHere: () => void;
  setTarget: (target: LogTarget | null) => void;
}

const LogContext = createContext<LogApi | null>(null);

export function useLog(): LogApi {
  const api = useContext(LogContext);
  if (!api) throw new Error('DS_UI_NO_LOG: useLog needs a LogProvider above it');
  return api;
}

/** The account (and deal) this page is about, for Ctrl/⌘+L; cleared when the page goes. */
export function useLogTarget(target: LogTarget | null): void {
  const { setTarget } = useLog();
  const accountId = target?.accountId;
  const opportunityId = target?.opportunityId;
  useEffect(() => {
    if (!accountId) return;
    setTarget({ accountId, opportunityId });
    return () => setTarget(null);
  }, [accountId, opportunityId, setTarget]);
}

export function LogProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<LogRequest | null>(null);
  const target = useRef<LogTarget | null>(null);
  const api = useMemo<LogApi>(
    () => ({
      open: (r) => setRequest(r),
      openHere: () => setRequest((current) => current ?? { ...(target.current ?? {}) }),
      setTarget: (t) => {
        target.current = t;
      },
    }),
    [],
  );
  return (
    <LogContext.Provider value={api}>
      {children}
      {request ? (
        <LogDialog
          request={request}
          onClose={(saved) => {
            const r = request;
            setRequest(null);
            if (saved) r.onSaved?.(saved);
          }}
        />
      ) : null}
    </LogContext.Provider>
  );
}
