package org.careledger.wallet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.careledger.contracts.DevConsortium;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.identity.KeyCustody;
import org.careledger.identity.Role;
import org.careledger.identity.UserDirectory;
import org.careledger.identity.UserProfile;
import org.careledger.ledger.Genesis;
import org.careledger.node.LedgerService;
import org.springframework.stereotype.Component;

/**
 * Puts a name to the other side of a movement: a user's name, "Treasury", a sealer's node, "dev
 * account N" for the dev chain's funded accounts, or what another module's {@link AddressNames}
 * says (a provider's name); an address the portal does not know stays an address.
 */
@Component
public class Counterparts {

    private final KeyCustody custody;
    private final UserDirectory directory;
    private final LedgerService ledger;
    private final List<AddressNames> others;
    private volatile Map<Address, String> chainNames;

    Counterparts(KeyCustody custody, UserDirectory directory, LedgerService ledger, List<AddressNames> others) {
        this.custody = custody;
        this.directory = directory;
        this.ledger = ledger;
        this.others = others;
    }

    /**
     * What the portal knows of an account: its name, and the role of the portal user who holds it (null
     * for the chain's own accounts and providers'). Public for the explorer, which decides from the
     * role whether the viewer may read the name (a patient's only by admins and the patient).
     */
    public record Known(String name, Role userRole) {
    }

    /** The account's name and its holder's role, or empty when the portal knows no name for it. */
    public Optional<Known> known(Address address) {
        Optional<UserProfile> user = custody.ownerOf(address).flatMap(directory::find);
        if (user.isPresent()) {
            return Optional.of(new Known(user.get().fullName(), user.get().role()));
        }
        return chainOrOtherName(address).map(name -> new Known(name, null));
    }

    /** The account's name, or empty when the portal knows no name for it. */
    public Optional<String> nameOf(Address address) {
        Optional<String> user = custody.ownerOf(address).flatMap(directory::find).map(UserProfile::fullName);
        if (user.isPresent()) {
            return user;
        }
        return chainOrOtherName(address);
    }

    private Optional<String> chainOrOtherName(Address address) {
        String known = chainNames().get(address);
        if (known != null) {
            return Optional.of(known);
        }
        return others.stream().flatMap(o -> o.nameOf(address).stream()).findFirst();
    }

    /** The name, else the address. */
    String describe(Address address) {
        return nameOf(address).orElse(address.toString());
    }

    /** The chain's own accounts, named once: its treasury, its sealers and, on the dev chain, its funded dev accounts. */
    private Map<Address, String> chainNames() {
        Map<Address, String> names = chainNames;
        if (names == null) {
            Genesis genesis = ledger.genesis();
            names = new HashMap<>();
            if (genesis.chainId() == DevConsortium.CHAIN_ID) {
                List<PrivateKey> dev = DevAccounts.ganacheAccounts(10);
                for (int i = 0; i < dev.size(); i++) {
                    names.put(dev.get(i).address(), "dev account " + i);
                }
            }
            for (Genesis.Sealer sealer : genesis.sealers()) {
                names.put(sealer.address(), "node " + sealer.name());
            }
            if (genesis.treasury() != null) {
                names.put(genesis.treasury(), "Treasury");
            }
            chainNames = names;
        }
        return names;
    }
}
