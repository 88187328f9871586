import { Param, ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../errors/domain-error.js';

/** A UUID path parameter; a malformed id names nothing that exists, so it is 404 like any unknown id. */
export const IdParam = (what: string, name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => notFound(what) }));
