/** The `--help` text of the campaign forms, appended to `xinbiao audit --help`. */
export const CAMPAIGN_HELP = `
Campaigns (a durable job queue in PostgreSQL, workers on any number of machines; docs/audit.md "Campaigns"):
  xinbiao audit --queue URL --campaign ID [--repeat] [options] <url-or-file…>
                       enqueue: a new campaign, more listings for its latest run, or (--repeat) a new run
                       over the whole population; a new run draws with --sample/--seed/--weights/
                       --inspectors/--operator as a plain audit and records the draw; also --job-timeout
                       SEC (default from --timeout and --retries) and --job-retries N (default 3) for
                       dead or failing workers
  xinbiao audit worker --queue URL [--evidence DIR] [--browser-ws URL] [--concurrency N]
                       [--sweep SEC] [--idle-exit SEC] [--name NAME]
                       audit queued pages until stopped (SIGTERM finishes the pages in hand), against
                       the lists pinned with each run; --sweep also paces the schedules' checks
  xinbiao audit report --queue URL --campaign ID [--run N] [--out DIR] [--evidence DIR] [--sign-key FILE]
                       write the report files of a run now, with progress (done, failed, pending) and
                       the changes since the previous run (new, fixed, persisting); --sign-key signs
                       its manifest as for a plain audit
  xinbiao audit schedule --queue URL --campaign ID --cron "EXPR" [--tz ZONE]
                       start the campaign's next run over its whole population at those times
                       (cron: minute hour day month weekday; --tz default Asia/Shanghai): a running
                       worker starts it with the latest run's options, reading its --trust/--lists
                       paths there; each run is compared with the one before, as with --repeat
  xinbiao audit schedule --queue URL [--campaign ID] [--off]
                       list the schedules (one JSON line each), or remove the campaign's with --off`;
