import { Foundation1764400000000 } from './1764400000000-foundation.js';

/** Every migration, in order. Listed explicitly (globs break under bundlers). Never edit a landed one. */
export const MIGRATIONS = [Foundation1764400000000];
