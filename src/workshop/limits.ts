/** Limits on everything a workshop accepts; the API's errors quote them. */
export const LIMITS = {
  /** Display names and anything a learner types as a name, in characters (code points). */
  nameChars: 40,
  titleChars: 80,
  broadcastChars: 200,
  /** A submitted Dockerfile, in UTF-8 bytes. */
  dockerfileBytes: 64 * 1024,
  exerciseIdChars: 64,
  exercisesPerWorkshop: 50,
  /** Objective and rule ids listed in one graded event. */
  idsPerList: 100,
  eventsPerBatch: 100,
  /** Any request body, in bytes: a full batch of events with short Dockerfiles fits. */
  bodyBytes: 1024 * 1024,
  /** Longest countdown a presenter can start. */
  countdownMs: 4 * 60 * 60 * 1000,
} as const;
