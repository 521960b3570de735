package org.careledger.recommend;

import org.careledger.recommend.engine.RecommendCli;

/**
 * The {@code recommend ...} command line ({@code recommend evaluate}, {@code recommend train}), run
 * before (and without) Spring: the module's door to the engine's {@link RecommendCli} for the
 * application's {@code main}.
 */
public final class RecommendCommand {

    private RecommendCommand() {
    }

    /** Whether {@code args} are a recommend command, which the application runs instead of the portal. */
    public static boolean isRecommendCommand(String[] args) {
        return RecommendCli.isRecommendCommand(args);
    }

    /** Runs it and exits with its code. */
    public static void main(String[] args) {
        RecommendCli.main(args);
    }
}
