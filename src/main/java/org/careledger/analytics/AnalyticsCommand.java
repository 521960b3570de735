package org.careledger.analytics;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.careledger.analytics.internal.Rebuild;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar careledger.jar analytics rebuild [--data-dir DIR]}: with the portal stopped, starts it
 * (its web server on a free loopback port, unused), empties the analytics read model, derives it again from the chain and the
 * records, and prints how the live one differed (nothing, when all was well). Exit 0 when they agreed,
 * 1 when there were differences (the rebuilt model is kept), 2 on a usage error. The module's door for
 * the command line: the application's {@code main} asks {@link #isAnalyticsCommand} and
 * {@link #properties}, starts the context, and calls {@link #execute()} once it has started (the chain
 * is read after start, so a runner inside the start would wait for it forever).
 */
@Component
public class AnalyticsCommand {

    /** The property that makes a started context run the command instead of serving. */
    public static final String PROPERTY = "careledger.analytics.command";
    static final String USAGE = "usage: analytics rebuild [--data-dir DIR]   (the portal must be stopped; DIR defaults to "
            + "CARELEDGER_DATA_DIR, else ./chain-data)";

    private final Rebuild rebuild;

    AnalyticsCommand(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    public static boolean isAnalyticsCommand(String[] args) {
        return args.length > 0 && "analytics".equals(args[0]);
    }

    /** The properties the context is started with for the command; a usage error throws with the usage. */
    public static Map<String, Object> properties(String[] args) {
        boolean withDir = args.length == 4 && args[2].equals("--data-dir") && !args[3].isBlank();
        if (!(args.length == 2 || withDir) || !"rebuild".equals(args[1])) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, Object> p = new HashMap<>();
        p.put(PROPERTY, "rebuild");
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        // the portal's context as it is (its services need their web context), on a free loopback port nobody is told of
        p.put("server.port", "0");
        p.put("server.address", "127.0.0.1");
        if (withDir) {
            p.put("careledger.data-dir", args[3]);
        }
        return p;
    }

    /** Rebuilds and prints the report; the exit code. */
    public int execute() {
        try {
            return print(rebuild.run(), System.out);
        } catch (IllegalStateException e) {
            System.err.println("analytics: " + e.getMessage());
            return 1;
        }
    }

    static int print(Rebuild.Report report, PrintStream out) {
        out.printf("analytics rebuild: %,d facts and %,d cells before, %,d facts and %,d cells rebuilt from the chain%n",
                report.factsBefore(), report.cellsBefore(), report.factsAfter(), report.cellsAfter());
        if (report.differences().isEmpty()) {
            out.println("no differences: the live read model was what the chain makes");
            return 0;
        }
        out.printf("%,d differences (the rebuilt read model is kept):%n", report.differences().size());
        report.differences().stream().limit(200).forEach(d -> out.println("  " + d));
        if (report.differences().size() > 200) {
            out.printf("  ... and %,d more%n", report.differences().size() - 200);
        }
        return 1;
    }
}
