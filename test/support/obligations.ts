import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ObligationJson {
  id: string;
  agreementId: string;
  partnerId: string;
  enterpriseId: string;
  owedBy: string;
  type: string;
  title: string;
  legalBasis: string;
  dueDate: string;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  commitmentId: string | null;
  sessionId: string | null;
  timeZone: string;
  fulfilledAt: string | null;
  waiveReason: string | null;
  evidence: { id: string; kind: string; [k: string]: unknown }[];
  version: number;
}

/** A PNG: its 8-byte signature, an IHDR chunk header and padding up to `size` bytes. */
export function png(size = 200): Buffer {
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)]);
}
export const pdf = () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF'), Buffer.alloc(100, 1)]);

/** Every file under `dir`, recursively (none when it does not exist). */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}
