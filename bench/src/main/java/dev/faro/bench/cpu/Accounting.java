package dev.faro.bench.cpu;

/** Which CPU time of a process counts as its own. */
public enum Accounting {
    /** The process's own threads only. */
    OWN,
    /**
     * The process, its live children and the children it has reaped: PostgreSQL's postmaster forks a backend per
     * connection (and its background workers), and a backend's CPU would be lost at its exit otherwise.
     */
    WITH_CHILDREN,
    /** Only children the process started and reaped: a tool the bench JVM ran to completion (pgbench). */
    REAPED_CHILDREN
}
