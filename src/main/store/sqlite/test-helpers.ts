// Runs in Node (tests only). Temp folders and a schema shared by the SQLite storage tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillWithDefaultSettings } from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { openDatabase } from './database';

export function makeTempDir(prefix = 'ds-sqlite-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface ContactDoc {
  id: string;
  name: string;
  age: number;
  active: boolean;
  tags: string[];
  profile: { city: string; score: number };
  note?: string;
}

// Rich enough to exercise every index type the planner supports: string, number, boolean,
// nested and compound.
export const contactSchema: RxJsonSchema<ContactDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 12 },
    age: { type: 'number', minimum: 0, maximum: 150, multipleOf: 1 },
    active: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    profile: {
      type: 'object',
      properties: {
        city: { type: 'string', maxLength: 10 },
        score: { type: 'number', minimum: -1000, maximum: 1000, multipleOf: 0.01 },
      },
      required: ['city', 'score'],
    },
    note: { type: 'string' },
  },
  required: ['id', 'name', 'age', 'active', 'tags', 'profile'],
  indexes: ['name', 'age', ['active', 'age'], ['profile.city', 'name'], 'profile.score'],
};

export const filledContactSchema = fillWithDefaultSettings(contactSchema);

/**
 * The bytes of an encrypted (closed) workspace file as plaintext SQLite keeps them: a copy
 * decrypted with its key (`PRAGMA rekey = ''`), read, and removed. Tests grep these bytes, which
 * the ciphertext on disk would hide whether a secret were in the database or not.
 */
export function plaintextBytes(file: string, key: Buffer): Buffer {
  const copy = `${file}.plaintext-copy`;
  fs.copyFileSync(file, copy);
  try {
    const db = openDatabase(copy, { fileMustExist: true, key });
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey = ''`);
    } finally {
      db.close();
    }
    const bytes = fs.readFileSync(copy);
    if (bytes.subarray(0, 15).toString('latin1') !== 'SQLite format 3') throw new Error(`${copy} did not decrypt`);
    return bytes;
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  }
}
