/**
 * The `graded` event from one grading run of the exercise page: the embed posts it to its host
 * page and, in workshop mode, the learner's outbox sends it to the workshop server. One builder,
 * so both report exactly what the exercise page graded.
 */
import type { GradeResult } from '../../engine/grade/types.ts';
import type { GradedEvent } from '../../workshop/events.ts';

export interface GradeStats {
  hintsUsed: number;
  timeSpentMs: number;
}

export function gradedEvent(exercise: string, grade: GradeResult, stats: GradeStats, dockerfile?: string): GradedEvent {
  return {
    exercise,
    score: grade.score,
    passed: grade.objectives.filter((o) => o.passed).map((o) => o.id),
    failed: grade.objectives.filter((o) => !o.passed).map((o) => o.id),
    rules: [...new Set(grade.findings.map((f) => f.rule))],
    sizeBytes: grade.image.totals.sizeBytes,
    hintsUsed: stats.hintsUsed,
    timeSpentMs: stats.timeSpentMs,
    ...(dockerfile !== undefined ? { dockerfile } : {}),
  };
}
