package org.careledger.wallet;

import java.time.Duration;

import org.careledger.common.TokenAmount;
import org.careledger.Await;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.identity.DemoAccounts;
import org.careledger.identity.Role;
import org.careledger.identity.TestAccounts;
import org.careledger.identity.UserProfile;
import org.careledger.node.LedgerService;
import org.careledger.node.LedgerSettings;
import org.springframework.context.ApplicationContext;

/**
 * Gives a test's new user exactly one token: the shared test context's welcome (a hundredth of a
 * token, so the dev treasury lasts the whole suite) and the rest sent by the demo admin through
 * the wallet, as any user sends tokens. Waits until the user is on the registry and holds it.
 */
public final class TestFunding {

    public static final long ONE_TOKEN = org.careledger.ledger.Genesis.UNITS_PER_TOKEN;

    private TestFunding() {
    }

    public static void oneToken(ApplicationContext ctx, UserProfile... users) {
        LedgerService ledger = ctx.getBean(LedgerService.class);
        WalletService wallet = ctx.getBean(WalletService.class);
        long rest = ONE_TOKEN - ctx.getBean(LedgerSettings.class).welcomeBaseUnits();
        for (UserProfile user : users) {
            TestAccounts.as(DemoAccounts.ADMIN.username(), Role.ADMIN,
                    () -> wallet.send(user.ledgerAddress().toString(), TokenAmount.format(rest)));
        }
        Await.until("registered, welcomed and topped up to one token", Duration.ofSeconds(60), () -> {
            var state = ledger.committedState().view();
            for (UserProfile user : users) {
                if (Registry.roleOf(state, user.ledgerAddress()).isEmpty() || Tokens.balanceOf(state, user.ledgerAddress()) != ONE_TOKEN) {
                    return false;
                }
            }
            return true;
        });
    }
}
