import { Foundation1764400000000 } from './1764400000000-foundation.js';
import { Opportunities1764500000000 } from './1764500000000-opportunities.js';
import { MatchingFunctions1764600000000 } from './1764600000000-matching-functions.js';
import { Agreements1764700000000 } from './1764700000000-agreements.js';
import { MatchColumns1764800000000 } from './1764800000000-match-columns.js';
import { MatchIndexes1764850000000 } from './1764850000000-match-indexes.js';
import { Outbox1764900000000 } from './1764900000000-outbox.js';
import { Reminders1765000000000 } from './1765000000000-reminders.js';
import { MonitoringFigures1765100000000 } from './1765100000000-monitoring-figures.js';
import { MonitoringCases1765200000000 } from './1765200000000-monitoring-cases.js';
import { CaseRemedyObligations1765400000000 } from './1765400000000-case-remedy-obligations.js';
import { MatchCache1765500000000 } from './1765500000000-match-cache.js';
import { CertTypesIndex1765600000000 } from './1765600000000-cert-types-index.js';
import { AmendmentWithdrawal1765700000000 } from './1765700000000-amendment-withdrawal.js';

/** Every migration, in order. Listed explicitly (globs break under bundlers). Never edit a landed one. */
export const MIGRATIONS = [Foundation1764400000000, Opportunities1764500000000, MatchingFunctions1764600000000, Agreements1764700000000, MatchColumns1764800000000, MatchIndexes1764850000000, Outbox1764900000000, Reminders1765000000000, MonitoringFigures1765100000000, MonitoringCases1765200000000, CaseRemedyObligations1765400000000, MatchCache1765500000000, CertTypesIndex1765600000000, AmendmentWithdrawal1765700000000];
