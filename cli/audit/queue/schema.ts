import type { Database } from '../../../server/db/database';
import { migrate } from '../../../server/db/migrations';

/**
 * Tables of audit campaigns, in the status service's PostgreSQL beside its list tables, numbered on their own
 * (recorded in `xinbiao_audit_migrations`). A campaign has a population of listings (each URL once, with a stable
 * index); each run audits every listing it was given once: its item row is written by the first worker that
 * finishes it and never again, so a job that runs twice (at-least-once delivery) still leaves one result.
 * Append new steps; never edit an applied one.
 */
export const CAMPAIGN_MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit_campaigns (
     id text PRIMARY KEY,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE audit_listings (
     campaign text NOT NULL REFERENCES audit_campaigns (id),
     idx integer NOT NULL,
     input text NOT NULL,
     url text NOT NULL,
     added_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (campaign, idx),
     UNIQUE (campaign, url)
   );
   CREATE TABLE audit_runs (
     campaign text NOT NULL REFERENCES audit_campaigns (id),
     run integer NOT NULL,
     options jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (campaign, run)
   );
   CREATE TABLE audit_items (
     campaign text NOT NULL,
     run integer NOT NULL,
     idx integer NOT NULL,
     status text,
     page jsonb,
     evidence_dir text,
     worker text,
     done_at timestamptz,
     PRIMARY KEY (campaign, run, idx),
     FOREIGN KEY (campaign, run) REFERENCES audit_runs (campaign, run),
     FOREIGN KEY (campaign, idx) REFERENCES audit_listings (campaign, idx)
   );`,
  // The draw of each run (seed, sample size, weights, inspectors, operator) and the population it was drawn from, one
  // row per member in population order, so the report records it and a reader can re-derive it; why a job gave up.
  `ALTER TABLE audit_listings ADD COLUMN uscc text;
   ALTER TABLE audit_runs ADD COLUMN draw jsonb;
   ALTER TABLE audit_items ADD COLUMN error text;
   CREATE TABLE audit_population (
     campaign text NOT NULL,
     run integer NOT NULL,
     pos integer NOT NULL,
     idx integer NOT NULL,
     credit_class text,
     drawn boolean NOT NULL,
     inspectors jsonb,
     PRIMARY KEY (campaign, run, pos),
     UNIQUE (campaign, run, idx),
     FOREIGN KEY (campaign, run) REFERENCES audit_runs (campaign, run),
     FOREIGN KEY (campaign, idx) REFERENCES audit_listings (campaign, idx)
   );`,
  // The trust list and lists as read when the run was enqueued (digests, refused files), so a later report names them.
  'ALTER TABLE audit_runs ADD COLUMN lists jsonb;',
  // The bytes of those files (each content once, by SHA-256), so every worker audits against exactly them; the
  // scheduled firing that started a run, so a firing delivered twice starts one run.
  `CREATE TABLE audit_files (
     sha256 text PRIMARY KEY,
     bytes bytea NOT NULL
   );
   CREATE TABLE audit_run_files (
     campaign text NOT NULL,
     run integer NOT NULL,
     role text NOT NULL CHECK (role IN ('trust', 'root', 'list')),
     name text NOT NULL,
     sha256 text NOT NULL REFERENCES audit_files (sha256),
     PRIMARY KEY (campaign, run, role, name),
     FOREIGN KEY (campaign, run) REFERENCES audit_runs (campaign, run)
   );
   ALTER TABLE audit_runs ADD COLUMN trigger text;
   CREATE UNIQUE INDEX audit_runs_trigger ON audit_runs (campaign, trigger);`,
];

/** Creates or updates the campaign tables; safe to call from every process at start (they migrate one at a time). */
export const migrateCampaigns = (db: Database): Promise<number> => migrate(db, CAMPAIGN_MIGRATIONS, 'xinbiao_audit_migrations');
