import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, invalid, loadEnv } from '@jalin/core';
import { cleanFileName, type EvidenceMediaType, sniffMediaType } from '@jalin/obligations';

/** At most this many `file` parts per message (the multipart plugin's `files` limit). */
export const MAX_FILES_PER_MESSAGE = 5;
export const MAX_TEXT = 4000;

export interface CaseUpload {
  /** The text field (`text` of a message, `summary` of a remedy report), as sent. */
  text?: string;
  files: { bytes: Buffer; fileName: string }[];
}

/** A file ready to store: its type judged from its bytes, its digest computed. */
export interface CheckedFile {
  bytes: Buffer;
  fileName: string;
  mediaType: EvidenceMediaType;
  sha256: string;
}

const tooLarge = () => {
  const limit = loadEnv().UPLOAD_LIMIT_BYTES;
  return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `A file is larger than the upload limit of ${limit} bytes; nothing was stored`, { limitBytes: limit });
};

const codeOf = (err: unknown) => (typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '');

/**
 * Reads a multipart message or remedy report: up to five `file` parts, each held in memory (the
 * plugin stops at UPLOAD_LIMIT_BYTES per file: a truncated stream or FST_REQ_FILE_TOO_LARGE is a
 * 413 before anything is written), and one text field named `textField`. Any other field is a 400,
 * as an unknown JSON field would be.
 */
export async function readCaseUpload(req: FastifyRequest, textField: 'text' | 'summary'): Promise<CaseUpload> {
  const out: CaseUpload = { files: [] };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge();
        if (part.fieldname !== 'file') throw invalid([{ field: part.fieldname, message: 'send each attachment as a part named "file"' }]);
        out.files.push({ bytes, fileName: part.filename });
      } else if (part.fieldname === textField) {
        if (out.text !== undefined) throw invalid([{ field: textField, message: 'sent more than once' }]);
        out.text = String(part.value);
      } else {
        throw invalid([{ field: part.fieldname, message: `unknown field; send "${textField}" and "file" parts only` }]);
      }
    }
  } catch (err) {
    const code = codeOf(err);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') throw invalid([{ field: 'file', message: `at most ${MAX_FILES_PER_MESSAGE} files per message` }]);
    throw err;
  }
  return out;
}

/**
 * Every file judged from its bytes — PDF, PNG or JPEG, whatever its name or declared type says
 * (else 415, before anything is written) — with its sha256 and a clean display name.
 */
export function checkFiles(files: CaseUpload['files']): CheckedFile[] {
  if (files.length > MAX_FILES_PER_MESSAGE) throw invalid([{ field: 'file', message: `at most ${MAX_FILES_PER_MESSAGE} files per message` }]);
  return files.map((f) => {
    const mediaType = sniffMediaType(f.bytes);
    if (!mediaType) {
      throw new DomainError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `Attachments must be PDF, JPEG or PNG; “${cleanFileName(f.fileName)}” is none of them (judged from its bytes, not its name)`,
        { accepted: ['application/pdf', 'image/jpeg', 'image/png'] },
      );
    }
    return { bytes: f.bytes, fileName: cleanFileName(f.fileName), mediaType, sha256: createHash('sha256').update(f.bytes).digest('hex') };
  });
}

/** What stands for a multipart body in its Idempotency-Key check: the text and each file's digest and name. */
export const uploadFingerprint = (u: CaseUpload) =>
  JSON.stringify({ text: u.text ?? null, files: u.files.map((f) => [createHash('sha256').update(f.bytes).digest('hex'), f.fileName]) });
