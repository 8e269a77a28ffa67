package dev.faro.analytics.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The tables a rebuild recomputes, and the schema it fills them in. A rebuild creates empty copies of them
 * (columns, defaults, constraints, indexes) in {@value #SCHEMA}, with a {@code processed_event} table of its own,
 * and counts into those; the swap replaces the live tables with them. Only what the event log determines is
 * here: campaign copies, digest settings and the outbox are not aggregates and stay as they are.
 */
@ApplicationScoped
public class AggregateTables {

    static final String SCHEMA = "faro_rebuild";

    /** Everything the funnel's event handlers write. A handler writing elsewhere fails the rebuild loudly. */
    static final List<String> TABLES = List.of(
            "funnel_fact",
            "funnel_revenue_currency",
            "lead_attribution",
            "lead_counted",
            "visitor_day",
            "visitor_day_salt");

    private final EntityManager entityManager;

    public AggregateTables(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Empty copies of the live tables in the rebuild schema; whatever an earlier, unfinished rebuild left goes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepare() {
        execute("drop schema if exists " + SCHEMA + " cascade");
        execute("create schema " + SCHEMA);
        for (String table : TABLES) {
            execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
        }
        execute("create table " + SCHEMA + ".processed_event (like public.processed_event including all)");
    }

    /**
     * Points this transaction's unqualified table names at the rebuild schema only, so the same counting code
     * writes the rebuilt tables, and a write to any table that is not rebuilt fails instead of touching live data.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countIntoRebuild() {
        execute("set local search_path to " + SCHEMA);
        // The tables start empty and grow by the batch: a plan the driver's cached statements kept from when they
        // were small (a sequential scan for "lead_id = any(?)") would slow every later batch down.
        execute("set local plan_cache_mode to force_custom_plan");
    }

    /**
     * Replaces the live tables with the rebuilt ones and tells the live consumers which events the rebuild
     * counted. Call holding {@link RebuildLock#holdBackConsumers()}, in the transaction that drained the log.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void swapIn() {
        execute("set local search_path to public");
        execute(
                """
                insert into public.processed_event (event_id, event_type, processed_at)
                select event_id, event_type, processed_at from %s.processed_event
                on conflict do nothing
                """
                        .formatted(SCHEMA));
        for (String table : TABLES) {
            execute("drop table public." + table);
            execute("alter table " + SCHEMA + "." + table + " set schema public");
        }
        execute("drop schema " + SCHEMA + " cascade");
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void discard() {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    private void execute(String sql) {
        entityManager.createNativeQuery(sql).executeUpdate();
    }
}
