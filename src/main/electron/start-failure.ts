// Main process (Electron glue, no Electron import, so a unit test pins it): the words shown when
// the app cannot open its window — what happened, what to try, and where the details are —
// instead of a silent exit or a stack trace.

export function startFailureMessage(error: unknown, logFile: string | null): { title: string; content: string } {
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : null;
  const reason = error instanceof Error && error.message ? error.message : String(error);
  // Coded errors (DS_…) already speak in plain words; anything else is said as such.
  const what = code?.startsWith('DS_')
    ? `${reason.replace(new RegExp(`^${code}: `), '')} (${code})`
    : `Something unexpected went wrong: ${reason}`;
  return {
    title: 'Deep Sales could not open its window',
    content: [
      what,
      '',
      'Your workspace was not changed. Start Deep Sales again; if this happens again, choose another workspace folder with File → Open Workspace Folder, or restore a backup.',
      ...(logFile ? ['', `The details are in the log file: ${logFile}`] : []),
    ].join('\n'),
  };
}
