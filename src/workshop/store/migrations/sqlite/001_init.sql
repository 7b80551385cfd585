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
  ends_at     INTEGER,
  expires_at  INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  ended       INTEGER NOT NULL DEFAULT 0,
  seq         INTEGER NOT NULL DEFAULT 0,
  updated_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX workshops_expires_at ON workshops (expires_at);

CREATE TABLE learners (
  id          TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  joined_at   INTEGER NOT NULL,
  seq         INTEGER NOT NULL
);
CREATE INDEX learners_workshop_seq ON learners (workshop_id, seq);

CREATE TABLE events (
  workshop_id     TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  learner_id      TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  idempotency_key TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('graded', 'stuck', 'unstuck', 'done')),
  exercise        TEXT NOT NULL,
  payload         TEXT NOT NULL,
  received_at     INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, seq),
  UNIQUE (learner_id, idempotency_key)
);

CREATE TABLE progress (
  workshop_id      TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  learner_id       TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  exercise         TEXT NOT NULL,
  status           TEXT NOT NULL,
  best_score       REAL,
  last_score       REAL,
  size_bytes       INTEGER,
  final_size_bytes INTEGER,
  hints_used       INTEGER NOT NULL,
  time_spent_ms    INTEGER NOT NULL,
  graded_count     INTEGER NOT NULL,
  failed           TEXT NOT NULL,
  rules            TEXT NOT NULL,
  stuck            INTEGER NOT NULL,
  stuck_seq        INTEGER,
  stuck_at         INTEGER,
  dockerfile       TEXT,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (learner_id, exercise)
);
CREATE INDEX progress_workshop ON progress (workshop_id);
