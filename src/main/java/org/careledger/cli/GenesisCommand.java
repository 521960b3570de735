package org.careledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.careledger.contracts.Contracts;
import org.careledger.contracts.DevConsortium;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.GenesisJson;

/** {@code ledger genesis export --out FILE [--block-time MS]}: the dev consortium's genesis as JSON. */
final class GenesisCommand {

    private GenesisCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty() || !"export".equals(args.get(0))) {
            throw new UsageException("genesis needs the subcommand export");
        }
        Options o = Options.parse(args.subList(1, args.size()), Set.of("--out", "--block-time"), Set.of());
        o.noPositional();
        OutputFile file = OutputFile.of(o, "--out", "genesis.json");
        Genesis genesis = o.has("--block-time")
                ? DevConsortium.genesis(o.longValue("--block-time", 1000, 1, 600_000))
                : DevConsortium.genesis();
        file.write(GenesisJson.toText(genesis, Contracts.standard()));
        out.println("genesis chainId=" + genesis.chainId() + " hash=" + DevConsortium.genesisHeader(genesis).hash().hex() + " out="
                + file.path());
        return 0;
    }
}
