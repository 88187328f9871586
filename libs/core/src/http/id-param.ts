import { Param, ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../errors/domain-error.js';

/** A UUID path parameter; a malformed id names nothing that exists, so it is 404 like any unknown id. */
export const IdParam = (what: string, name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => notFound(what) }));

/** A positive integer path parameter (e.g. a version number); anything else names nothing that exists: 404. */
export const IntParam = (what: string, name: string) =>
  Param(name, {
    transform(value: string) {
      if (!/^[1-9]\d{0,8}$/.test(value)) throw notFound(what);
      return Number(value);
    },
  });
