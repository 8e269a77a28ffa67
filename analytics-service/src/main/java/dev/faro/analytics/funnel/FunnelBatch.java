package dev.faro.analytics.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;

/**
 * The funnel's effects of many events, collected in memory and written with one statement per table: the live
 * consumers' effects of one transaction ({@link TransactionFunnelTally}) and a rebuild's of one batch. Counters are
 * summed per fact row and the rows written in key order; visitors are inserted together and those the insert
 * reports as new are the ones counted; attributions are read once for the batch's leads (or lead by lead as events
 * ask) and written once per changed lead; what was counted for each lead is summed per lead and stage and written
 * with one upsert in key order. A day's first visit creates its salt (see {@link UniqueVisitors}) and
 * purges old days, after writing the visitors collected so far, so the purge removes what it would have removed
 * event by event.
 *
 * <p>Works on the caller's connection and transaction, whose search path decides which schema it writes; one
 * instance per batch, as it holds what it read of the tables.
 */
public final class FunnelBatch implements FunnelTally {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FunnelStage[] STAGES = FunnelStage.values();
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<FactKey> FACT_ORDER = Comparator.comparing(FactKey::campaign, TEXT)
            .thenComparing(key -> key.dimensions().landingPage(), TEXT)
            .thenComparing(key -> key.dimensions().variant(), TEXT)
            .thenComparing(key -> key.dimensions().source(), TEXT)
            .thenComparing(key -> key.dimensions().medium(), TEXT)
            .thenComparing(FactKey::day);
    /** PostgreSQL's order of uuids (their 16 bytes, unsigned), then the stage. */
    private static final Comparator<LeadStage> LEAD_STAGE_ORDER = Comparator.comparing(
                    (LeadStage key) -> key.lead().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(key -> key.lead().getLeastSignificantBits(), Long::compareUnsigned)
            .thenComparing(LeadStage::stage);
    /** What can be counted for a lead: every stage but visits, which are no lead's, and erasures. */
    private static final List<FunnelStage> LEAD_STAGES = Arrays.stream(STAGES)
            .filter(stage -> stage != FunnelStage.VISITOR && stage != FunnelStage.LEAD_ERASED)
            .toList();

    private final Connection connection;
    private final Map<LocalDate, Mac> hashers = new HashMap<>();
    /** Salts are read with the first visit: most batches have none. */
    private boolean saltsRead;

    private final Set<VisitorRow> visitors = new LinkedHashSet<>();
    private final Map<FactKey, Fact> facts = new LinkedHashMap<>();
    private final Set<List<String>> currencies = new LinkedHashSet<>();
    /** Attributions of the leads read so far; a null value is a lead known to have none. */
    private final Map<UUID, Attribution> attributions = new HashMap<>();

    private final Set<UUID> changedAttributions = new LinkedHashSet<>();

    /** How often each stage was counted for each lead in this batch, since the lead was last forgotten. */
    private final Map<LeadStage, Integer> leadCounts = new HashMap<>();
    /** Leads erased in this batch: what is stored for them goes, replaced by what {@link #leadCounts} holds. */
    private final Set<UUID> forgotten = new HashSet<>();

    private FunnelBatch(Connection connection) {
        this.connection = connection;
    }

    /** A batch on {@code connection} that reads nothing up front: salts and attributions as events need them. */
    static FunnelBatch on(Connection connection) {
        return new FunnelBatch(connection);
    }

    /** A batch on {@code connection}, with the attributions of {@code leads} read at once. */
    public static FunnelBatch open(Connection connection, Collection<UUID> leads) throws SQLException {
        FunnelBatch batch = new FunnelBatch(connection);
        batch.readAttributions(leads);
        return batch;
    }

    @Override
    public void visit(String campaign, Dimensions dimensions, LocalDate day, String visitorId) {
        byte[] hash = hasherFor(day).doFinal((visitorId == null ? "" : visitorId).getBytes(StandardCharsets.UTF_8));
        visitors.add(new VisitorRow(new FactKey(campaign, dimensions, day), ByteBuffer.wrap(hash)));
    }

    @Override
    public void count(String campaign, Dimensions dimensions, Instant occurredAt, FunnelStage stage) {
        fact(campaign, dimensions, FunnelDay.of(occurredAt)).counts[stage.ordinal()]++;
    }

    @Override
    public void redeemed(
            String campaign, Dimensions dimensions, Instant occurredAt, BigDecimal orderValue, String currency) {
        Fact fact = fact(campaign, dimensions, FunnelDay.of(occurredAt));
        fact.counts[FunnelStage.INCENTIVE_REDEEMED.ordinal()]++;
        if (orderValue != null) {
            // The live upsert stores each value in numeric(16,2) before adding it: round each one, not the sum.
            fact.revenue = fact.revenue.add(orderValue.setScale(2, RoundingMode.HALF_UP));
        }
        if (currency != null && currency.length() == 3) {
            currencies.add(List.of(campaign, currency.toUpperCase(Locale.ROOT)));
        }
    }

    @Override
    public void remember(UUID leadId, String campaign, Dimensions dimensions) {
        if (attribution(leadId) == null) {
            attributions.put(leadId, new Attribution(campaign, dimensions));
            changedAttributions.add(leadId);
        }
    }

    @Override
    public Dimensions attributionOf(UUID leadId, String campaign) {
        if (leadId == null) {
            return Dimensions.NONE;
        }
        Attribution attribution = attribution(leadId);
        return attribution != null && attribution.campaign.equals(campaign) ? attribution.dimensions : Dimensions.NONE;
    }

    @Override
    public void countedFor(UUID leadId, FunnelStage stage) {
        if (leadId != null) {
            leadCounts.merge(new LeadStage(leadId, stage.column()), 1, Integer::sum);
        }
    }

    @Override
    public void forget(UUID leadId) {
        if (attribution(leadId) != null) {
            attributions.put(leadId, null);
            changedAttributions.add(leadId);
        }
        // With or without an attribution: the lead's events may have been counted for it without one.
        forgotten.add(leadId);
        leadCounts.keySet().removeIf(key -> key.lead().equals(leadId));
    }

    /** Writes everything collected; call once, at the end of the batch, in its transaction. */
    public void write() throws SQLException {
        writeVisitors();
        writeAttributions();
        writeFacts();
        writeCurrencies();
        writeLeadCounts();
    }

    private Fact fact(String campaign, Dimensions dimensions, LocalDate day) {
        return facts.computeIfAbsent(new FactKey(campaign, dimensions, day), key -> new Fact());
    }

    private Mac hasherFor(LocalDate day) {
        if (!saltsRead) {
            try {
                readSalts();
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the visitors' salts", e);
            }
            saltsRead = true;
        }
        Mac hasher = hashers.get(day);
        if (hasher == null) {
            hasher = startDay(day);
        }
        return hasher;
    }

    /** A day without salt yet: salt it and, when this batch is the first to, purge the days now too old. */
    private Mac startDay(LocalDate day) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        LocalDate oldestKept = day.minusDays(UniqueVisitors.KEPT_DAYS);
        byte[] salt;
        try {
            writeVisitors();
            boolean newDay;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into visitor_day_salt (day, salt) values (?, ?) on conflict do nothing")) {
                insert.setObject(1, day);
                insert.setBytes(2, fresh);
                newDay = insert.executeUpdate() == 1;
            }
            if (newDay) {
                for (String table : List.of("visitor_day", "visitor_day_salt")) {
                    try (PreparedStatement purge =
                            connection.prepareStatement("delete from " + table + " where day < ?")) {
                        purge.setObject(1, oldestKept);
                        purge.executeUpdate();
                    }
                }
            }
            // Another consumer may have salted the day since the salts were read: its salt is the day's.
            salt = storedSalt(day);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start the visitors of " + day, e);
        }
        hashers.keySet().removeIf(kept -> kept.isBefore(oldestKept));
        Mac hasher = UniqueVisitors.hasherOf(salt);
        hashers.put(day, hasher);
        return hasher;
    }

    private byte[] storedSalt(LocalDate day) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select salt from visitor_day_salt where day = ?")) {
            select.setObject(1, day);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no salt for " + day + " right after salting it");
                }
                return rows.getBytes(1);
            }
        }
    }

    private void readSalts() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select day, salt from visitor_day_salt");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashers.put(rows.getObject(1, LocalDate.class), UniqueVisitors.hasherOf(rows.getBytes(2)));
            }
        }
    }

    private Attribution attribution(UUID leadId) {
        if (!attributions.containsKey(leadId)) {
            try {
                readAttributions(List.of(leadId));
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the attribution of lead " + leadId, e);
            }
        }
        return attributions.get(leadId);
    }

    private void readAttributions(Collection<UUID> leads) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        for (UUID lead : leads) {
            attributions.put(lead, null);
        }
        try (PreparedStatement select = connection.prepareStatement(
                """
                select lead_id, campaign, landing_page, variant, source, medium from lead_attribution
                where lead_id = any(?)
                """)) {
            select.setArray(1, array("uuid", leads.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    attributions.put(
                            rows.getObject(1, UUID.class),
                            new Attribution(
                                    rows.getString(2),
                                    new Dimensions(
                                            rows.getString(3),
                                            rows.getString(4),
                                            rows.getString(5),
                                            rows.getString(6))));
                }
            }
        }
    }

    /** Inserts the visitors collected so far and counts, per fact row, those that were not there yet. */
    private void writeVisitors() throws SQLException {
        if (visitors.isEmpty()) {
            return;
        }
        Columns columns = new Columns(visitors.size());
        List<byte[]> hashes = new ArrayList<>(visitors.size());
        for (VisitorRow visitor : visitors) {
            columns.add(visitor.key);
            hashes.add(visitor.hash.array());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into visitor_day (campaign, landing_page, variant, source, medium, day, visitor_hash)
                select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::date[], ?::bytea[])
                on conflict do nothing
                returning campaign, landing_page, variant, source, medium, day
                """)) {
            int next = columns.bind(insert, 1);
            insert.setArray(next, array("bytea", hashes.toArray(new byte[0][])));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fact(
                                    inserted.getString(1),
                                    new Dimensions(
                                            inserted.getString(2),
                                            inserted.getString(3),
                                            inserted.getString(4),
                                            inserted.getString(5)),
                                    inserted.getObject(6, LocalDate.class))
                            .counts[FunnelStage.VISITOR.ordinal()]++;
                }
            }
        }
        visitors.clear();
    }

    private void writeAttributions() throws SQLException {
        if (changedAttributions.isEmpty()) {
            return;
        }
        try (PreparedStatement delete =
                connection.prepareStatement("delete from lead_attribution where lead_id = any(?)")) {
            delete.setArray(1, array("uuid", changedAttributions.toArray()));
            delete.executeUpdate();
        }
        List<UUID> leads = new ArrayList<>();
        List<String> campaigns = new ArrayList<>();
        Columns dimensions = new Columns(changedAttributions.size());
        for (UUID lead : changedAttributions) {
            Attribution attribution = attributions.get(lead);
            if (attribution != null) {
                leads.add(lead);
                campaigns.add(attribution.campaign);
                dimensions.addDimensions(attribution.dimensions);
            }
        }
        if (!leads.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into lead_attribution (lead_id, campaign, landing_page, variant, source, medium)
                    select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                         ?::varchar[])
                    """)) {
                insert.setArray(1, array("uuid", leads.toArray()));
                insert.setArray(2, array("varchar", campaigns.toArray()));
                dimensions.bindDimensions(insert, 3);
                insert.executeUpdate();
            }
        }
        changedAttributions.clear();
    }

    private void writeFacts() throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        StringBuilder types = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (FunnelStage stage : STAGES) {
            names.append(", ").append(stage.column());
            types.append(", ?::bigint[]");
            sums.append(", ")
                    .append(stage.column())
                    .append(" = funnel_fact.")
                    .append(stage.column())
                    .append(" + excluded.")
                    .append(stage.column());
        }
        String upsert =
                """
                insert into funnel_fact (campaign, landing_page, variant, source, medium, day%1$s, revenue)
                select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::date[]%2$s, ?::numeric[])
                on conflict (campaign, landing_page, variant, source, medium, day)
                do update set revenue = funnel_fact.revenue + excluded.revenue%3$s
                """
                        .formatted(names, types, sums);
        Columns keys = new Columns(facts.size());
        Long[][] counts = new Long[STAGES.length][facts.size()];
        BigDecimal[] revenue = new BigDecimal[facts.size()];
        int row = 0;
        // In key order, so that transactions writing some of the same rows lock them in the same order.
        List<Map.Entry<FactKey, Fact>> inKeyOrder = new ArrayList<>(facts.entrySet());
        inKeyOrder.sort(Map.Entry.comparingByKey(FACT_ORDER));
        for (Map.Entry<FactKey, Fact> fact : inKeyOrder) {
            keys.add(fact.getKey());
            for (int stage = 0; stage < STAGES.length; stage++) {
                counts[stage][row] = fact.getValue().counts[stage];
            }
            revenue[row] = fact.getValue().revenue;
            row++;
        }
        try (PreparedStatement insert = connection.prepareStatement(upsert)) {
            int next = keys.bind(insert, 1);
            for (Long[] stageCounts : counts) {
                insert.setArray(next++, array("bigint", stageCounts));
            }
            insert.setArray(next, array("numeric", revenue));
            insert.executeUpdate();
        }
        facts.clear();
    }

    private void writeCurrencies() throws SQLException {
        if (currencies.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into funnel_revenue_currency (campaign, currency)
                select * from unnest(?::varchar[], ?::varchar[])
                on conflict do nothing
                """)) {
            insert.setArray(
                    1, array("varchar", currencies.stream().map(c -> c.get(0)).toArray()));
            insert.setArray(
                    2, array("varchar", currencies.stream().map(c -> c.get(1)).toArray()));
            insert.executeUpdate();
        }
        currencies.clear();
    }

    /**
     * Adds the batch's counts to each lead's, and replaces the counts of the leads it forgot. A forgotten lead gets a
     * row for every stage in the same upsert (zero where nothing was counted since it was forgotten) and its zero rows
     * are deleted after, when this transaction holds all of them already. A delete first would lock the lead's rows in
     * whatever order its plan reads them (a bitmap scan's is the table's), and a consumer of another topic upserting
     * the same leads in key order could then deadlock with this one.
     */
    private void writeLeadCounts() throws SQLException {
        if (leadCounts.isEmpty() && forgotten.isEmpty()) {
            return;
        }
        for (UUID lead : forgotten) {
            for (FunnelStage stage : LEAD_STAGES) {
                leadCounts.putIfAbsent(new LeadStage(lead, stage.column()), 0);
            }
        }
        List<Map.Entry<LeadStage, Integer>> inKeyOrder = new ArrayList<>(leadCounts.entrySet());
        inKeyOrder.sort(Map.Entry.comparingByKey(LEAD_STAGE_ORDER));
        Object[] leads = new Object[inKeyOrder.size()];
        Object[] stages = new Object[inKeyOrder.size()];
        Object[] times = new Object[inKeyOrder.size()];
        for (int row = 0; row < inKeyOrder.size(); row++) {
            leads[row] = inKeyOrder.get(row).getKey().lead();
            stages[row] = inKeyOrder.get(row).getKey().stage();
            times[row] = inKeyOrder.get(row).getValue();
        }
        Array replaced = array("uuid", forgotten.toArray());
        try (PreparedStatement upsert = connection.prepareStatement(
                """
                insert into lead_counted (lead_id, stage, times)
                select * from unnest(?::uuid[], ?::varchar[], ?::integer[])
                on conflict (lead_id, stage) do update
                set times = case when lead_counted.lead_id = any(?::uuid[]) then excluded.times
                                 else lead_counted.times + excluded.times end
                """)) {
            upsert.setArray(1, array("uuid", leads));
            upsert.setArray(2, array("varchar", stages));
            upsert.setArray(3, array("integer", times));
            upsert.setArray(4, replaced);
            upsert.executeUpdate();
        }
        if (!forgotten.isEmpty()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from lead_counted where lead_id = any(?) and times = 0")) {
                delete.setArray(1, replaced);
                delete.executeUpdate();
            }
        }
        leadCounts.clear();
        forgotten.clear();
    }

    private Array array(String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    /** The key columns of many rows, one array per column, for an insert from {@code unnest}. */
    private final class Columns {
        private final List<String> campaigns;
        private final List<String> pages;
        private final List<String> variants;
        private final List<String> sources;
        private final List<String> media;
        private final List<String> days;

        Columns(int rows) {
            campaigns = new ArrayList<>(rows);
            pages = new ArrayList<>(rows);
            variants = new ArrayList<>(rows);
            sources = new ArrayList<>(rows);
            media = new ArrayList<>(rows);
            days = new ArrayList<>(rows);
        }

        void add(FactKey key) {
            campaigns.add(key.campaign);
            addDimensions(key.dimensions);
            days.add(key.day.toString());
        }

        void addDimensions(Dimensions dimensions) {
            pages.add(dimensions.landingPage());
            variants.add(dimensions.variant());
            sources.add(dimensions.source());
            media.add(dimensions.medium());
        }

        /** Binds campaign, the dimensions and the day from {@code first} on; returns the next parameter. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setArray(first, array("varchar", campaigns.toArray()));
            int next = bindDimensions(statement, first + 1);
            statement.setArray(next, array("varchar", days.toArray()));
            return next + 1;
        }

        int bindDimensions(PreparedStatement statement, int first) throws SQLException {
            statement.setArray(first, array("varchar", pages.toArray()));
            statement.setArray(first + 1, array("varchar", variants.toArray()));
            statement.setArray(first + 2, array("varchar", sources.toArray()));
            statement.setArray(first + 3, array("varchar", media.toArray()));
            return first + 4;
        }
    }

    private record FactKey(String campaign, Dimensions dimensions, LocalDate day) {}

    private record VisitorRow(FactKey key, ByteBuffer hash) {}

    private record Attribution(String campaign, Dimensions dimensions) {}

    private record LeadStage(UUID lead, String stage) {}

    /** The counters of one fact row, indexed by {@link FunnelStage#ordinal()}, and its revenue. */
    private static final class Fact {
        private final long[] counts = new long[STAGES.length];
        private BigDecimal revenue = BigDecimal.ZERO;
    }
}
