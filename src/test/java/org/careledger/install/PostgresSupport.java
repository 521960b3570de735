package org.careledger.install;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server for the tests that run on it as well as on H2, named by the environment:
 * {@code CARELEDGER_TEST_POSTGRES_URL} (such as {@code jdbc:postgresql://127.0.0.1:5432/careledger_test}),
 * {@code CARELEDGER_TEST_POSTGRES_USER} and {@code CARELEDGER_TEST_POSTGRES_PASSWORD}. Register it as a
 * static {@code @RegisterExtension} field: it looks before the class starts, so that without a URL
 * the class is reported skipped, with the message as its reason and on standard error (the test's
 * output file under surefire), before Spring starts; it fails instead under
 * {@code CI=true} (as {@code .ci/run} sets it up, CI must never pass by not running them). A URL
 * that is given but does not answer is a failure everywhere.
 *
 * <p>Each test class works in a schema of its own ({@link #freshSchema}), created empty and named
 * {@code careledger_test_...}, so runs never see each other's rows; the role needs the right to
 * create schemas in that database (it owns it, in the README's commands).
 */
public final class PostgresSupport implements ExecutionCondition {

    static final String URL_VARIABLE = "CARELEDGER_TEST_POSTGRES_URL";
    static final String SETUP = "see the README, \"Running on PostgreSQL\": create a role and a database it owns, then "
            + "export " + URL_VARIABLE + "=jdbc:postgresql://127.0.0.1:5432/careledger_test CARELEDGER_TEST_POSTGRES_USER=careledger "
            + "CARELEDGER_TEST_POSTGRES_PASSWORD=...";

    /** Where one test class's tables live: a JDBC URL whose current schema is that class's own. */
    public record Database(String url, String user, String password, String schema) {
    }

    private final UnaryOperator<String> env;

    public PostgresSupport() {
        this(System::getenv);
    }

    /** For testing the look-up itself: what the environment says. */
    PostgresSupport(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        String url = env.apply(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            try (Connection c = DriverManager.getConnection(url, env.apply("CARELEDGER_TEST_POSTGRES_USER"),
                    env.apply("CARELEDGER_TEST_POSTGRES_PASSWORD"))) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url);
            } catch (SQLException e) {
                throw new IllegalStateException(banner("FAILED", context, URL_VARIABLE + " is " + url + ", and it does not answer: "
                        + e.getMessage(), "* Start the server, or unset " + URL_VARIABLE + " to skip these tests outside CI.\n"), e);
            }
        }
        boolean ci = "true".equalsIgnoreCase(env.apply("CI"));
        String message = banner(ci ? "FAILED" : "SKIPPED", context, "no PostgreSQL: " + URL_VARIABLE + " is not set",
                ci ? "* CI=true: the PostgreSQL tests must run in CI (.ci/run sets the URL), so this is a failure.\n"
                        : "* (Under CI=true this is a failure, not a skip.)\n");
        System.err.println(message);
        if (ci) {
            throw new IllegalStateException(message);
        }
        return ConditionEvaluationResult.disabled(message);
    }

    private static String banner(String outcome, ExtensionContext context, String problem, String consequence) {
        return "\n"
                + "**********************************************************************\n"
                + "* POSTGRESQL TESTS " + outcome + ": " + context.getDisplayName() + "\n"
                + "* " + problem + "\n"
                + "* To run them, " + SETUP + "\n"
                + consequence
                + "**********************************************************************\n";
    }

    /** A new, empty schema in the test server's database, named for {@code purpose}; call it only once the extension let the class run. */
    public static Database freshSchema(String purpose) {
        String url = System.getenv(URL_VARIABLE);
        String user = System.getenv("CARELEDGER_TEST_POSTGRES_USER");
        String password = System.getenv("CARELEDGER_TEST_POSTGRES_PASSWORD");
        String schema = ("careledger_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " in " + url + ": " + e.getMessage(), e);
        }
        return new Database(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password, schema);
    }

    /** Drops a schema {@link #freshSchema} made, with everything in it; waits at most a few seconds for locks. */
    public static void drop(Database database) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '5s'");
            s.execute("DROP SCHEMA " + database.schema() + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop the test schema " + database.schema() + ": " + e.getMessage());
        }
    }
}
