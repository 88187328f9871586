import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, flattenValidationErrors, invalid, loadEnv } from '@jalin/core';
import { ObligationEvidenceDto } from './dto/obligation.dto.js';
import type { EvidenceInput, UploadedFile } from './obligations.service.js';

const tooLarge = () => {
  const limit = loadEnv().UPLOAD_LIMIT_BYTES;
  return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than the upload limit of ${limit} bytes; nothing was stored`, { limitBytes: limit });
};

const isTooLarge = (err: unknown) => typeof err === 'object' && err !== null && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Reads a multipart evidence upload: one `file` part, held in memory (the plugin stops at the
 * configured `fileSize` cap: RequestFileTooLargeError, or a truncated stream — either is a 413 before
 * anything is written), and the text fields `note`, `url`, `version`, validated like the JSON body
 * (unknown fields 400).
 */
export async function readEvidenceUpload(req: FastifyRequest): Promise<EvidenceInput> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge();
        if (part.fieldname !== 'file') throw invalid([{ field: part.fieldname, message: 'send the evidence file as the part named "file"' }]);
        if (file) throw invalid([{ field: 'file', message: 'send one file per request' }]);
        file = { bytes, fileName: part.filename };
      } else {
        if (part.fieldname in fields) throw invalid([{ field: part.fieldname, message: 'sent more than once' }]);
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (isTooLarge(err)) throw tooLarge();
    throw err;
  }
  const plain: Record<string, unknown> = { ...fields };
  if (typeof plain.version === 'string' && /^\d+$/.test(plain.version)) plain.version = Number(plain.version);
  const dto = plainToInstance(ObligationEvidenceDto, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length) {
    const list = flattenValidationErrors(errors);
    throw invalid(list, `The request has ${list.length} invalid field${list.length === 1 ? '' : 's'}: ${[...new Set(list.map((f) => f.field))].join(', ')}`);
  }
  return { note: dto.note, url: dto.url, version: dto.version, file };
}
