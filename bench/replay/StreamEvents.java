import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The floor under any replay: how fast plain JDBC streams every row of the event store, with the columns Axon's
 * storage engine reads and a fetch size of 1,000, without deserializing anything. Prints "events seconds rate".
 *
 *   java -cp <postgresql driver> bench/replay/StreamEvents.java jdbc:postgresql://host/db user
 */
public class StreamEvents {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args.length > 2 ? args[2] : "")) {
            // PostgreSQL streams with a cursor only inside a transaction; otherwise it loads the whole result.
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long events = 0;
            long bytes = 0;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM event_store.domain_event_entry ORDER BY global_index""")) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events++;
                        bytes += rows.getBytes("payload").length
                                + rows.getBytes("meta_data").length
                                + rows.getString("event_identifier").length();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "%d %.2f %.0f %d%n", events, seconds, events / seconds, bytes);
        }
    }
}
