import { DomainError } from '@jalin/core';
import { reportTransition, REPORT_STATUSES, REPORT_TRANSITIONS, type ReportAction } from './report.js';
import { coachingActivityError, sessionTransition, SESSION_STATUSES, SESSION_TRANSITIONS, type SessionAction } from './session.js';
import { sniffMediaType } from './media-type.js';

const status = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.status : 'other';
  }
};

describe('progress report lifecycle', () => {
  it('every action from every status: the table, else 409', () => {
    for (const action of Object.keys(REPORT_TRANSITIONS) as ReportAction[]) {
      for (const from of REPORT_STATUSES) {
        const allowed = REPORT_TRANSITIONS[action].from.includes(from);
        expect([action, from, status(() => reportTransition(action, from))]).toEqual([action, from, allowed ? 'ok' : 409]);
      }
    }
    expect(reportTransition('resubmit', 'REVISION_REQUESTED')).toBe('RESUBMITTED');
    expect(reportTransition('accept', 'RESUBMITTED')).toBe('ACCEPTED');
    expect(reportTransition('requestRevision', 'RESUBMITTED')).toBe('REVISION_REQUESTED');
  });
});

describe('coaching session lifecycle', () => {
  it('every action from every status: the table, else 409', () => {
    for (const action of Object.keys(SESSION_TRANSITIONS) as SessionAction[]) {
      for (const from of SESSION_STATUSES) {
        const allowed = SESSION_TRANSITIONS[action].from.includes(from);
        expect([action, from, status(() => sessionTransition(action, from))]).toEqual([action, from, allowed ? 'ok' : 409]);
      }
    }
    expect(sessionTransition('recordAttendance', 'SCHEDULED')).toBe('HELD');
    expect(sessionTransition('confirm', 'HELD')).toBe('CONFIRMED');
    expect(sessionTransition('dispute', 'HELD')).toBe('DISPUTED');
  });

  it('HUMAN_RESOURCES activities are a closed list; other aspects free text', () => {
    expect(coachingActivityError('HUMAN_RESOURCES', 'TRAINING')).toBeNull();
    expect(coachingActivityError('HUMAN_RESOURCES', 'Pelatihan')?.field).toBe('activity');
    expect(coachingActivityError('MARKETING', 'Pameran dagang')).toBeNull();
    expect(coachingActivityError('MARKETING', '  ')?.field).toBe('activity');
  });
});

describe('evidence media types, from the bytes', () => {
  it('knows PDF, PNG and JPEG by their magic numbers, nothing else', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('hello, this is text'))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeNull();
  });
});
