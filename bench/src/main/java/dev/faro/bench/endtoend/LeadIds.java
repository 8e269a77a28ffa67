package dev.faro.bench.endtoend;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Lead-service's id of each lead the run created, read from its {@code lead} table by campaign and address (the
 * capture answer carries it too, but the load generator keeps no bodies). The events on Kafka are keyed by it.
 */
final class LeadIds {

    private LeadIds() {}

    static Map<String, String> of(Connection leadDatabase, String campaign, Collection<String> addresses)
            throws SQLException {
        Map<String, String> ids = new HashMap<>();
        Array emails = leadDatabase.createArrayOf("varchar", addresses.toArray());
        try (PreparedStatement select =
                leadDatabase.prepareStatement("select email, id from lead where campaign_id = ? and email = any(?)")) {
            select.setString(1, campaign);
            select.setArray(2, emails);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return ids;
    }
}
