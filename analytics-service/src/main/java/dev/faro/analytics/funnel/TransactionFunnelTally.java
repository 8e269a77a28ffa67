package dev.faro.analytics.funnel;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The live consumers' tally. The effects of every event counted in a transaction are collected in one
 * {@link FunnelBatch} and written just before that transaction commits, so a consumer that applies a poll's events
 * together writes each fact row once rather than once per event, and holds its row locks only while it commits. The
 * batch writes fact rows in key order: consumers of different topics that bump the same rows take their locks in
 * one order and cannot deadlock.
 */
final class TransactionFunnelTally implements FunnelTally {

    private static final Logger LOG = Logger.getLogger(TransactionFunnelTally.class);
    /** The transaction's batch, kept as a resource of the transaction under this key. */
    private static final Object BATCH = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;

    TransactionFunnelTally(TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    @Override
    public void visit(String campaign, Dimensions dimensions, LocalDate day, String visitorId) {
        batch().visit(campaign, dimensions, day, visitorId);
    }

    @Override
    public void count(String campaign, Dimensions dimensions, Instant occurredAt, FunnelStage stage) {
        batch().count(campaign, dimensions, occurredAt, stage);
    }

    @Override
    public void redeemed(
            String campaign, Dimensions dimensions, Instant occurredAt, BigDecimal orderValue, String currency) {
        batch().redeemed(campaign, dimensions, occurredAt, orderValue, currency);
    }

    @Override
    public void remember(UUID leadId, String campaign, Dimensions dimensions) {
        batch().remember(leadId, campaign, dimensions);
    }

    @Override
    public Dimensions attributionOf(UUID leadId, String campaign) {
        return batch().attributionOf(leadId, campaign);
    }

    @Override
    public void countedFor(UUID leadId, FunnelStage stage) {
        batch().countedFor(leadId, stage);
    }

    @Override
    public void forget(UUID leadId) {
        batch().forget(leadId);
    }

    /** The current transaction's batch, opened on its connection the first time it is needed. */
    private FunnelBatch batch() {
        FunnelBatch batch = (FunnelBatch) transactions.getResource(BATCH);
        if (batch == null) {
            batch = open();
            transactions.putResource(BATCH, batch);
        }
        return batch;
    }

    private FunnelBatch open() {
        // Inside a transaction the pool hands out the connection enlisted in it, the one Hibernate uses too.
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("no connection to count the funnel on", e);
        }
        FunnelBatch batch = FunnelBatch.on(connection);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                try {
                    batch.write();
                } catch (SQLException e) {
                    // Thrown here, it rolls the transaction back: its events are then not recorded as processed.
                    throw new IllegalStateException("could not write the funnel counts", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                closeQuietly(connection);
            }
        });
        return batch;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("Could not hand a funnel connection back: %s", e.getMessage());
        }
    }
}
