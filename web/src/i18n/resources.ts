import { de } from './de/index.ts';
import { en } from './en/index.ts';

export const SUPPORTED_LANGUAGES = ['en', 'de'] as const;

/** English is the reference: every other language must have the same keys (a type error otherwise). */
export const resources = { en, de } as const;
