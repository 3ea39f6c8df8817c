-- Chronicle's schema: tenants and their tokens, runs (one per run key; CI shards merge into one),
-- the posted reports, scenarios, one measurement per handle (partitioned by time), hourly and
-- daily roll-ups with mergeable latency histograms, per-run topic statistics, anomalies and the
-- event log that LISTEN/NOTIFY fans out to every instance.

CREATE TABLE tenants (
	id bigserial PRIMARY KEY,
	name text NOT NULL UNIQUE,
	created_at timestamptz NOT NULL DEFAULT now()
);

-- Tokens are 256-bit random strings; only their SHA-256 is kept.
CREATE TABLE tenant_tokens (
	id bigserial PRIMARY KEY,
	tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	token_hash bytea NOT NULL UNIQUE,
	prefix text NOT NULL,
	scope text NOT NULL CHECK (scope IN ('ingest', 'read')),
	description text,
	created_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz
);

CREATE TABLE topics (
	id bigserial PRIMARY KEY,
	tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	name text NOT NULL,
	first_seen timestamptz NOT NULL,
	last_seen timestamptz NOT NULL,
	UNIQUE (tenant_id, name)
);

CREATE TABLE runs (
	id bigserial PRIMARY KEY,
	tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	run_key text,
	idempotency_key text,
	project_name text,
	branch text,
	commit_sha text,
	environment text,
	hostname text,
	transport text,
	schema_version text NOT NULL,
	started_at timestamptz NOT NULL,
	finished_at timestamptz NOT NULL,
	duration_ms double precision NOT NULL,
	passed integer NOT NULL DEFAULT 0,
	failed integer NOT NULL DEFAULT 0,
	errored integer NOT NULL DEFAULT 0,
	skipped integer NOT NULL DEFAULT 0,
	slow integer NOT NULL DEFAULT 0,
	total integer NOT NULL DEFAULT 0,
	scenarios integer NOT NULL DEFAULT 0,
	handles integer NOT NULL DEFAULT 0,
	shards integer NOT NULL DEFAULT 1,
	received_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (tenant_id, run_key)
);

CREATE INDEX runs_tenant_started ON runs (tenant_id, started_at DESC, id DESC);

-- Every posted report, as received: one per run, or one per shard of a merged run.
CREATE TABLE run_reports (
	id bigserial PRIMARY KEY,
	run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	idempotency_key text,
	received_at timestamptz NOT NULL DEFAULT now(),
	report jsonb NOT NULL,
	UNIQUE (tenant_id, idempotency_key)
);

CREATE INDEX run_reports_run ON run_reports (run_id, id);

CREATE TABLE scenarios (
	id bigserial PRIMARY KEY,
	run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	report_id bigint NOT NULL REFERENCES run_reports (id) ON DELETE CASCADE,
	test_nodeid text,
	test_outcome text,
	name text NOT NULL,
	correlation_id text,
	outcome text NOT NULL,
	duration_ms double precision,
	completed_normally boolean,
	handles integer NOT NULL
);

CREATE INDEX scenarios_run ON scenarios (run_id, id);

-- One row per handle. time = the started_at of the report that carried it.
CREATE TABLE measurements (
	time timestamptz NOT NULL,
	tenant_id bigint NOT NULL,
	run_id bigint NOT NULL,
	scenario_id bigint NOT NULL,
	topic_id bigint NOT NULL,
	harness text,
	outcome text NOT NULL,
	latency_ms double precision,
	budget_ms double precision,
	over_budget boolean NOT NULL,
	attempts integer NOT NULL,
	diagnosis_kind text,
	matcher_description text
) PARTITION BY RANGE (time);

CREATE INDEX measurements_topic_time ON measurements (tenant_id, topic_id, time);
CREATE INDEX measurements_run ON measurements (run_id, topic_id);

-- Creates the monthly partition (UTC months) that holds the given time, when it is missing.
CREATE FUNCTION chronicle_ensure_measurement_partition(at timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	month_start timestamp := date_trunc('month', at AT TIME ZONE 'UTC');
	partition_name text := 'measurements_p' || to_char(month_start, 'YYYY_MM');
BEGIN
	IF to_regclass(partition_name) IS NULL THEN
		PERFORM pg_advisory_xact_lock(hashtext('chronicle_measurement_partitions'));
		EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF measurements FOR VALUES FROM (%L) TO (%L)',
				partition_name, month_start AT TIME ZONE 'UTC', (month_start + interval '1 month') AT TIME ZONE 'UTC');
	END IF;
	RETURN partition_name;
END
$$;

-- Roll-ups, maintained at ingest. histogram = HdrHistogram of the matched handles' latencies in
-- microseconds, 3 significant digits, compressed; p50/p95/p99 are read from it at each merge.
CREATE TABLE topic_latency_hourly (
	tenant_id bigint NOT NULL,
	topic_id bigint NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	bucket timestamptz NOT NULL,
	handles bigint NOT NULL DEFAULT 0,
	samples bigint NOT NULL DEFAULT 0,
	passed bigint NOT NULL DEFAULT 0,
	slow bigint NOT NULL DEFAULT 0,
	timeouts bigint NOT NULL DEFAULT 0,
	failed bigint NOT NULL DEFAULT 0,
	budget_violations bigint NOT NULL DEFAULT 0,
	min_ms double precision,
	max_ms double precision,
	sum_ms double precision NOT NULL DEFAULT 0,
	p50_ms double precision,
	p95_ms double precision,
	p99_ms double precision,
	histogram bytea,
	PRIMARY KEY (tenant_id, topic_id, bucket)
);

CREATE TABLE topic_latency_daily (LIKE topic_latency_hourly INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE topic_latency_daily ADD PRIMARY KEY (tenant_id, topic_id, bucket);
ALTER TABLE topic_latency_daily ADD FOREIGN KEY (topic_id) REFERENCES topics (id) ON DELETE CASCADE;

-- Per run and topic: what the topic list and the anomaly baselines read.
CREATE TABLE run_topics (
	run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	topic_id bigint NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	tenant_id bigint NOT NULL,
	time timestamptz NOT NULL,
	environment text,
	handles integer NOT NULL,
	samples integer NOT NULL,
	passed integer NOT NULL,
	slow integer NOT NULL,
	timeouts integer NOT NULL,
	failed integer NOT NULL,
	over_budget integer NOT NULL,
	p50_ms double precision,
	p95_ms double precision,
	p99_ms double precision,
	PRIMARY KEY (run_id, topic_id)
);

CREATE INDEX run_topics_topic_time ON run_topics (tenant_id, topic_id, time DESC, run_id DESC);

CREATE TABLE anomalies (
	id bigserial PRIMARY KEY,
	tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
	topic_id bigint NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
	time timestamptz NOT NULL,
	detected_at timestamptz NOT NULL DEFAULT now(),
	method text NOT NULL,
	metric text NOT NULL,
	current_value double precision NOT NULL,
	baseline_value double precision NOT NULL,
	stddev double precision,
	change_pct double precision,
	severity text NOT NULL CHECK (severity IN ('warning', 'critical')),
	resolved boolean NOT NULL DEFAULT false,
	resolved_at timestamptz,
	resolved_by text,
	resolution_note text,
	UNIQUE (run_id, topic_id, method)
);

CREATE INDEX anomalies_tenant_time ON anomalies (tenant_id, detected_at DESC, id DESC);

-- Events for Server-Sent Events; NOTIFY carries only the id.
CREATE TABLE events (
	id bigserial PRIMARY KEY,
	tenant_id bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	type text NOT NULL,
	payload jsonb NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_tenant ON events (tenant_id, id);
