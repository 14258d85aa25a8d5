import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared example article, byte for byte as it arrived (test/fixtures). */
export const INTERPOL_MD = readFileSync(resolve(__dirname, '../fixtures/interpol-2018.md'), 'utf8');

/** Slices by code points, independently of the code under test. */
export const codePointSlice = (text: string, start: number, end: number): string => Array.from(text).slice(start, end).join('');
