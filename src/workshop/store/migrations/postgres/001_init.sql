-- Workshops, learners, their events (stored exactly once per learner and idempotency key) and
-- the progress cells derived from them. Times are epoch milliseconds; lists are JSON text.
CREATE TABLE workshops (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  exercises   TEXT NOT NULL,
  locked      TEXT NOT NULL DEFAULT '[]',
  broadcast   TEXT,
  ends_at     BIGINT,
  expires_at  BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  ended       BOOLEAN NOT NULL DEFAULT FALSE,
  seq         BIGINT NOT NULL DEFAULT 0,
  updated_seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX workshops_expires_at ON workshops (expires_at);

CREATE TABLE learners (
  id          TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  joined_at   BIGINT NOT NULL,
  seq         BIGINT NOT NULL
);
CREATE INDEX learners_workshop_seq ON learners (workshop_id, seq);

CREATE TABLE events (
  workshop_id     TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  seq             BIGINT NOT NULL,
  learner_id      TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('graded', 'stuck', 'unstuck', 'done')),
  exercise        TEXT NOT NULL,
  payload         TEXT NOT NULL,
  received_at     BIGINT NOT NULL,
  PRIMARY KEY (workshop_id, seq),
  UNIQUE (learner_id, idempotency_key)
);

CREATE TABLE progress (
  workshop_id      TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  learner_id       TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  exercise         TEXT NOT NULL,
  status           TEXT NOT NULL,
  best_score       DOUBLE PRECISION,
  last_score       DOUBLE PRECISION,
  size_bytes       BIGINT,
  final_size_bytes BIGINT,
  hints_used       BIGINT NOT NULL,
  time_spent_ms    BIGINT NOT NULL,
  graded_count     BIGINT NOT NULL,
  failed           TEXT NOT NULL,
  rules            TEXT NOT NULL,
  stuck            BOOLEAN NOT NULL,
  stuck_seq        BIGINT,
  stuck_at         BIGINT,
  dockerfile       TEXT,
  updated_at       BIGINT NOT NULL,
  PRIMARY KEY (learner_id, exercise)
);
CREATE INDEX progress_workshop ON progress (workshop_id);
