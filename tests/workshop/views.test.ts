import { describe, expect, it } from 'vitest';
import { median, toCsv, type ExportRow } from '../../src/workshop/views.ts';

describe('views', () => {
  it('takes the median of odd and even counts, and of none', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3); // (2 + 3) / 2 rounded to whole bytes
  });

  it('writes RFC 4180 CSV and keeps spreadsheets from running names as formulas', () => {
    const row: ExportRow = {
      learner: '@SUM(1,2)', learnerId: 'id', exercise: 'ex-a', position: 1, status: 'passed', bestScore: 1, lastScore: 1,
      sizeBytes: 10, finalSizeBytes: 10, hintsUsed: 0, timeSpentMs: 5, gradedCount: 1, stuck: false, updatedAt: 7,
    };
    const [, line] = toCsv([row, { ...row, learner: 'Say "hi"\nthere' }]).split('\r\n');
    expect(line).toBe(`"'@SUM(1,2)",id,ex-a,1,passed,1,1,10,10,0,5,1,false,7`);
    expect(toCsv([{ ...row, learner: 'Say "hi"\nthere' }])).toContain('"Say ""hi""\nthere",');
  });
});
