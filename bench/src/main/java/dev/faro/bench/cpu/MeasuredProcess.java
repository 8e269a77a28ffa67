package dev.faro.bench.cpu;

/**
 * A process whose CPU time is sampled.
 *
 * @param name what it is in the report ("lead-service", "PostgreSQL")
 * @param pid its process id
 * @param accounting which CPU time counts as its own
 * @param jvm whether it is a JVM, whose JIT compiler threads are counted apart
 */
public record MeasuredProcess(String name, long pid, Accounting accounting, boolean jvm) {}
