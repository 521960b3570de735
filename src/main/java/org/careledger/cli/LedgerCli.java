package org.careledger.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.careledger.ledger.GenesisFileException;

/**
 * The {@code ledger} command line, run before (and without) Spring:
 * {@code java -jar careledger.jar ledger <command> ...}. Results go to standard output, logs to
 * standard error; exit 0 on success, 1 when a check fails or a run breaks down, 2 on a usage error.
 */
public final class LedgerCli {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: ledger <command> [options]",
            "",
            "  verify --data-dir DIR [--node NAME] [--genesis FILE]",
            "      re-validate every stored block of every node (or one) from genesis, read-only",
            "  bench --data-dir DIR --transactions N [--nodes 3] [--threads T] [--block-time MS]",
            "        [--rate TX_PER_S] [--warm-up N] [--runs R] [--window-ms MS] [--resume]",
            "      run the dev consortium in this process and measure committed transfers per second;",
            "      --warm-up runs N transfers (default min(2N, 40000); 0: none) on a throw-away chain first;",
            "      --runs times the N transfers R times (default 1) and prints the median; the signature",
            "      ceiling is measured in MS-long windows (default 1000) before, between and after the runs;",
            "      --resume continues a chain a killed run left (nonces from the recovered chain)",
            "  proof export --data-dir DIR --node NAME --height H --index I --out FILE",
            "      write the proof bundle of the I-th transaction of the block at height H",
            "  proof verify FILE [--genesis FILE]",
            "      check a proof bundle on its own (and against a genesis file's sealers)",
            "  genesis export --out FILE [--block-time MS]",
            "      write the dev consortium's genesis as JSON",
            "",
            "exit codes: 0 ok/valid, 1 invalid or failed, 2 usage error");

    private LedgerCli() {
    }

    /** Whether {@code args} are a ledger command, which the application runs instead of the portal. */
    public static boolean isLedgerCommand(String[] args) {
        return args.length > 0 && "ledger".equals(args[0]);
    }

    /** Runs {@code ledger ...} (the leading "ledger" optional) and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs a command; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && "ledger".equals(list.get(0))) {
            list = list.subList(1, list.size());
        }
        try {
            if (list.isEmpty()) {
                throw new UsageException("missing command");
            }
            String command = list.get(0);
            List<String> rest = list.subList(1, list.size());
            switch (command) {
                case "--help", "-h", "help":
                    out.println(USAGE);
                    return 0;
                case "verify":
                    return VerifyCommand.run(rest, out, err);
                case "bench":
                    return BenchCommand.run(rest, out, err);
                case "proof":
                    return ProofCommand.run(rest, out, err);
                case "genesis":
                    return GenesisCommand.run(rest, out, err);
                default:
                    throw new UsageException("unknown command " + command);
            }
        } catch (UsageException e) {
            err.println("ledger: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (GenesisFileException e) {
            err.println("ledger: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("ledger: failed: " + e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            return 1;
        }
    }
}
