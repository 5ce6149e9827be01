import { describe, expect, it } from 'vitest';
import { CodedError } from '@shared/errors';
import { startFailureMessage } from './start-failure';

describe('window-creation failure', () => {
  it('says a coded error in its own words, with its code and the log file', () => {
    const error = new CodedError(
      'DS_SQLITE_NEWER_FORMAT',
      'DS_SQLITE_NEWER_FORMAT: The database file was written by a newer version of Deep Sales. Update the app to open it.',
    );
    const { title, content } = startFailureMessage(error, '/home/me/.config/Deep Sales/logs/main.log');
    expect(title).toBe('Deep Sales could not open its window');
    expect(content).toContain(
      'The database file was written by a newer version of Deep Sales. Update the app to open it. (DS_SQLITE_NEWER_FORMAT)',
    );
    expect(content).not.toContain('DS_SQLITE_NEWER_FORMAT: The');
    expect(content).toContain('The details are in the log file: /home/me/.config/Deep Sales/logs/main.log');
  });

  it('says an unexpected error as unexpected, never a stack trace', () => {
    const error = new Error('GPU process exited');
    const { content } = startFailureMessage(error, null);
    expect(content.split('\n')[0]).toBe('Something unexpected went wrong: GPU process exited');
    expect(content).not.toContain('    at ');
    expect(content).not.toContain('log file');
  });
});
