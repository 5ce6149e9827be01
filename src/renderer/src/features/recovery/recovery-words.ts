// Renderer (pure): the recovery screen's words for what went wrong, from the host's coded reason.
// Plain words first; the code and the file stay visible for support.

export interface RecoveryProblem {
  code: string;
  message: string;
}

export function headlineFor(problem: RecoveryProblem | null): string {
  if (problem?.code === 'DS_SQLITE_FOREIGN') return 'This workspace file was not written by Deep Sales';
  if (problem && /empty \(0 bytes\)/.test(problem.message)) return 'The workspace file is empty';
  if (problem?.code === 'DS_SQLITE_KEY') return 'The key to the workspace file cannot be read';
  return 'The workspace file is damaged';
}

export function explanationFor(problem: RecoveryProblem | null): string {
  if (problem?.code === 'DS_SQLITE_FOREIGN') {
    return 'The file where this workspace should be holds another program’s data. Deep Sales has not changed it and will not write to it.';
  }
  if (problem && /empty \(0 bytes\)/.test(problem.message)) {
    return (
      'The file where this workspace should be has nothing in it — a full disk or a copy that stopped halfway can do this. ' +
      'Deep Sales has not filled it with anything.'
    );
  }
  if (problem?.code === 'DS_SQLITE_KEY') {
    return (
      'The workspace file is encrypted, and its key is kept in this computer’s keychain, which could not be read — it may be ' +
      'locked, or it was reset. Deep Sales has not changed the file.'
    );
  }
  return (
    'Part of the file on this computer cannot be read (a disk error or a copy that went wrong can do this, and so can a ' +
    'workspace file brought from another computer, which is encrypted with that computer’s key). ' +
    'Deep Sales stopped reading and writing it so nothing more is lost; the file is kept as it is.'
  );
}

export function backupLabel(file: string, modifiedAt: number, bytes: number): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${name} — saved ${new Date(modifiedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}, ${size}`;
}
