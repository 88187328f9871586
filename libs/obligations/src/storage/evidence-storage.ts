import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/** Where evidence bytes live. Keys are chosen by Jalin (`<obligationId>/<evidenceId>`), never by a client. */
export interface EvidenceStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | Readable>;
  /** Removes what `put` stored (used to undo a write whose transaction did not commit). Missing keys are fine. */
  delete(key: string): Promise<void>;
}

/** Injection token: bind another EvidenceStorage (e.g. object storage) to this to replace the local directory. */
export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * The default storage: files under a local directory, `EVIDENCE_DIR` (default `var/evidence`,
 * relative to the working directory). Writes go to a temporary name first and are renamed into
 * place, so a reader never sees half a file.
 */
@Injectable()
export class LocalEvidenceStorage implements EvidenceStorage {
  readonly root = resolve(process.env.EVIDENCE_DIR ?? 'var/evidence');

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid evidence storage key ${key}`);
    const p = resolve(join(this.root, key));
    if (!p.startsWith(this.root + sep)) throw new Error(`invalid evidence storage key ${key}`);
    return p;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.${Date.now()}.part`;
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, p);
  }

  async get(key: string): Promise<Readable> {
    const p = this.path(key);
    await stat(p); // a missing file fails here, not mid-response
    return createReadStream(p);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
