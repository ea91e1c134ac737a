package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the test Keycloak's database holds, as text, to prove a secret never reached it. PostgreSQL: every
 * text column of every table. H2 (a file Keycloak holds open): the raw bytes of the database file, after a pause so
 * that H2 has written its pages.
 */
public final class DatabaseText {

    private DatabaseText() {
    }

    public static String dump() {
        return "postgres".equals(ItSettings.db()) ? postgres() : h2();
    }

    private static String h2() {
        Path file = ItSettings.keycloakHome().resolve("data/h2/keycloakdb.mv.db");
        try {
            Thread.sleep(3_000); // H2 writes committed pages to the file in the background, about every second
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String postgres() {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(ItSettings.dbUrl(), ItSettings.dbUsername(),
                ItSettings.dbPassword())) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            if (value != null) {
                                out.append(value).append('\n');
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the test database " + ItSettings.dbUrl(), e);
        }
        return out.toString();
    }
}
