package org.careledger.explorer;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.crypto.Address;
import org.careledger.crypto.InvalidAddressException;
import org.careledger.identity.AppRoles;
import org.careledger.ledger.Hash;
import org.careledger.node.LedgerService;
import org.springframework.stereotype.Service;

/**
 * The explorer's one search box: a height, a block hash, a transaction id or an address (EIP-55 or
 * in one case) leads straight to its page (the route to navigate to); anything else is "Nothing on
 * this chain matches". What the page then shows is the page's service's decision.
 */
@Service
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
public class ExplorerSearch {

    private static final Pattern ADDRESS_SHAPE = Pattern.compile("0[xX][0-9a-fA-F]{40}");

    private final LedgerService ledger;

    ExplorerSearch(LedgerService ledger) {
        this.ledger = ledger;
    }

    /**
     * The route of what {@code query} names: {@code explorer/block/12}, {@code explorer/tx/<id>} or
     * {@code explorer/address/<EIP-55 address>}.
     *
     * @throws InvalidInputException if the query is empty, or an address whose mixed case breaks its checksum
     * @throws NotFoundException     if nothing on this chain matches
     */
    public String find(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw InvalidInputException.of("query", "Type a block height, a block hash, a transaction id or an address");
        }
        if (ExplorerInput.isHeight(q)) {
            long height = Long.parseLong(q);
            if (height <= ledger.summary().height()) {
                return "explorer/block/" + height;
            }
        } else if (ExplorerInput.isHash(q)) {
            Hash hash = Hash.fromHex(q.toLowerCase(java.util.Locale.ROOT));
            if (ledger.isGenesis(hash) || ledger.blockByHash(hash).isPresent()) {
                return "explorer/block/" + hash.hex();
            }
            if (ledger.committedTransaction(hash).isPresent() || ledger.pendingTransaction(hash).isPresent()
                    || ledger.refusalOf(hash).isPresent()) {
                return "explorer/tx/" + hash.hex();
            }
        } else if (ADDRESS_SHAPE.matcher(q).matches()) {
            try {
                return "explorer/address/" + Address.parse("0x" + q.substring(2));
            } catch (InvalidAddressException e) {
                throw InvalidInputException.of("query", e.getMessage());
            }
        }
        throw new NotFoundException("Nothing on this chain matches \"" + shortened(q) + "\"");
    }

    private static String shortened(String q) {
        return q.length() <= 80 ? q : q.substring(0, 77) + "…";
    }
}
