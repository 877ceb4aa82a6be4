import type { Migration } from './migration';

/**
 * The global log and its head. `position` is assigned by the append under the head's row lock,
 * never by a sequence: sequences are not transactional, so they leave gaps and hand out numbers
 * in a different order than commits (see postgres-append.ts).
 */
export const eventsMigration: Migration = {
  version: 1,
  name: 'events and log head',
  up: ({ events, head }) => `
    CREATE TABLE ${events} (
      position      bigint      NOT NULL,
      stream_id     text        NOT NULL,
      revision      bigint      NOT NULL,
      event_id      uuid        NOT NULL,
      type          text        NOT NULL,
      data          jsonb       NOT NULL,
      metadata      jsonb       NOT NULL,
      recorded_at   timestamptz NOT NULL,
      previous_hash text        NOT NULL,
      hash          text        NOT NULL,
      category      text        GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
      CONSTRAINT events_pkey PRIMARY KEY (position),
      CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_position_check CHECK (position >= 1),
      CONSTRAINT events_revision_check CHECK (revision >= 0),
      CONSTRAINT events_stream_id_check CHECK (stream_id <> ''),
      CONSTRAINT events_type_check CHECK (type <> ''),
      CONSTRAINT events_metadata_check CHECK (jsonb_typeof(metadata) = 'object'),
      CONSTRAINT events_hash_check CHECK (hash ~ '^[0-9a-f]{64}$' AND previous_hash ~ '^[0-9a-f]{64}$')
    );
    CREATE INDEX events_category_position_idx ON ${events} (category, position);
    COMMENT ON TABLE ${events} IS
      'Edict global event log: append-only, hash-chained, gap-free positions in commit order. See docs/event-store.md.';

    CREATE TABLE ${head} (
      id       boolean PRIMARY KEY DEFAULT true CHECK (id),
      position bigint  NOT NULL,
      hash     text    NOT NULL
    );
    INSERT INTO ${head} (id, position, hash) VALUES (true, 0, repeat('0', 64));
    COMMENT ON TABLE ${head} IS
      'The last position and hash of the events table; its one row is locked FOR UPDATE by every append.';
  `,
};
