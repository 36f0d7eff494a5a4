// Version 6: processes that share one library hold a lease while they run jobs (ADR 011). A job is
// claimed by the process that queued it, or by anyone once that process's lease has run out.
export const jobLeasesSchema = `
CREATE TABLE job_owners (
  owner TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  lease_until INTEGER NOT NULL
);
CREATE INDEX jobs_owner ON jobs(owner);
`

export const JOB_MIGRATIONS = [{ version: 6, name: 'job-leases', sql: jobLeasesSchema }] as const
