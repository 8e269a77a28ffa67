/usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p 15432 -U faro_bench -n -M prepared -c 64 -j 2 -T 60 -f /work/main/docs/benchmarks/2026-11-27-0230/ingestion/capture.sql faro_bench
