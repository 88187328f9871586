import { csvCell, csvHeader, csvLine, csvRecord, neutraliseFormula } from './csv.js';

describe('CSV cells (RFC 4180) and formula injection', () => {
  it('quotes a field holding a comma, a quote, CR or LF, doubling its quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('prefixes text starting with = + - @ tab or CR with an apostrophe; leaves numbers and other text alone', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+62 811')).toBe("'+62 811");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
    expect(neutraliseFormula('2025-01-01')).toBe('2025-01-01');
  });

  it('writes empty cells for null/undefined, ISO instants for dates, true/false for booleans', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(new Date('2025-04-05T03:00:00Z'))).toBe('2025-04-05T03:00:00.000Z');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(0)).toBe('0');
  });

  it('ends every record with CRLF; header and records follow the columns', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
    const cols = [
      { name: 'x', description: '', value: (r: { x: string }) => r.x },
      { name: 'n', description: '', value: () => 2 },
    ];
    expect(csvHeader(cols)).toBe('x,n\r\n');
    expect(csvRecord(cols, { x: '=1' })).toBe("'=1,2\r\n");
  });
});
