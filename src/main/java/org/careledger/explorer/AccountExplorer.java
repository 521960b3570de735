package org.careledger.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.contracts.ContractState;
import org.careledger.contracts.DevConsortium;
import org.careledger.contracts.Registry;
import org.careledger.contracts.Tokens;
import org.careledger.crypto.Address;
import org.careledger.crypto.DevAccounts;
import org.careledger.crypto.PrivateKey;
import org.careledger.explorer.internal.ReceiptRow;
import org.careledger.explorer.internal.ReceiptRows;
import org.careledger.identity.AppRoles;
import org.careledger.ledger.Genesis;
import org.careledger.ledger.Hash;
import org.careledger.ledger.TxLocation;
import org.careledger.node.LedgerService;
import org.springframework.stereotype.Service;

/**
 * Accounts as the explorer shows them: the genesis accounts as Ganache lists them (on the dev chain,
 * the ten dev accounts, whose private keys are public test keys and may be revealed), and any
 * account's page with its transactions, paged from the per-address index. Staff see every account,
 * patients' unnamed; a patient sees only their own.
 */
@Service
@RolesAllowed({AppRoles.ADMIN, AppRoles.DOCTOR, AppRoles.PATIENT, AppRoles.PHARMACIST})
public class AccountExplorer {

    /** Transactions on a page of an account. */
    public static final int TRANSACTIONS_PER_PAGE = 25;
    private static final int DEV_ACCOUNTS = 10;
    private static final Pattern CURSOR = Pattern.compile("([0-9]{1,18})-([0-9]{1,9})");

    private final LedgerService ledger;
    private final ReceiptRows receipts;
    private final TransactionReader reader;
    private final Viewer.Viewers viewers;

    AccountExplorer(LedgerService ledger, ReceiptRows receipts, TransactionReader reader, Viewer.Viewers viewers) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.reader = reader;
        this.viewers = viewers;
    }

    /**
     * The chain's genesis accounts, in Ganache's order on the dev chain: index, address, balance and
     * transaction count (nonce).
     *
     * @throws OperationNotAllowedException for a patient (the list names other people's accounts)
     */
    public List<DevAccount> genesisAccounts() {
        Viewer me = staffOnly();
        ContractState state = ledger.committedStateForReading();
        boolean dev = isDevGenesis();
        List<Address> accounts = dev ? DevAccounts.ganacheAccounts(DEV_ACCOUNTS).stream().map(PrivateKey::address).toList()
                : new ArrayList<>(ledger.genesis().balances().keySet());
        List<DevAccount> out = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Address a = accounts.get(i);
            out.add(new DevAccount(i, reader.label(me, a, state), Tokens.balanceOf(state.view(), a), state.nextNonce(a), dev));
        }
        return out;
    }

    /** Whether this chain is the dev consortium's, whose ten funded accounts have public test keys. */
    public boolean isDevGenesis() {
        Genesis genesis = ledger.genesis();
        return genesis.chainId() == DevConsortium.CHAIN_ID && DevAccounts.ganacheAccounts(DEV_ACCOUNTS).stream()
                .allMatch(k -> genesis.balances().containsKey(k.address()));
    }

    /**
     * The private key of dev account {@code index}, as hex: a public test key, never to be used on a
     * real chain, revealed only when this chain is the dev genesis.
     *
     * @throws OperationNotAllowedException on any other chain, or for a patient
     * @throws InvalidInputException        for an index outside 0-9
     */
    public String devKey(int index) {
        staffOnly();
        if (!isDevGenesis()) {
            throw new OperationNotAllowedException("This chain is not the dev chain: its accounts' keys are nobody's to show");
        }
        if (index < 0 || index >= DEV_ACCOUNTS) {
            throw InvalidInputException.of("index", "The dev accounts are numbered 0 to " + (DEV_ACCOUNTS - 1));
        }
        return "0x" + HexFormat.of().formatHex(DevAccounts.ganacheAccount(index).bytes());
    }

    /**
     * Account {@code address}'s page (EIP-55 or one case): balance, nonce, role and name where the
     * viewer may read them, and its transactions from {@code cursor} on (null: the newest).
     *
     * @throws InvalidInputException        for a malformed address or cursor
     * @throws OperationNotAllowedException for a patient asking for another account
     */
    public AccountDetails account(String address, String cursor) {
        Viewer me = viewers.require();
        Address account = ExplorerInput.address(address);
        if (me.isPatient() && !account.equals(me.address())) {
            throw new OperationNotAllowedException("Patients see only their own account in the explorer");
        }
        ReceiptRow.Position before = cursor(cursor);
        ContractState state = ledger.committedStateForReading();
        Integer devIndex = null;
        if (isDevGenesis()) {
            for (int i = 0; i < DEV_ACCOUNTS; i++) {
                if (DevAccounts.ganacheAccount(i).address().equals(account)) {
                    devIndex = i;
                }
            }
        }
        return new AccountDetails(reader.label(me, account, state), Tokens.balanceOf(state.view(), account), state.nextNonce(account),
                Registry.roleOf(state.view(), account).orElse(null), devIndex, receipts.countOf(account.toLowerHex()),
                page(reader, receipts, ledger, me, account, before, TRANSACTIONS_PER_PAGE, state));
    }

    /** A page of {@code account}'s committed transactions from the index, each located live on the chain. */
    static TxPage page(TransactionReader reader, ReceiptRows receipts, LedgerService ledger, Viewer me, Address account,
                       ReceiptRow.Position before, int limit, ContractState state) {
        List<String> ids = receipts.pageOf(account.toLowerHex(), before, limit);
        List<TxRow> rows = new ArrayList<>();
        for (String id : ids) {
            ledger.committedTransaction(Hash.fromHex(id)).ifPresent(found -> {
                TxLocation at = found.location();
                rows.add(reader.row(me, found.transaction(), TxStatus.COMMITTED, at.height(), at.index(),
                        Instant.ofEpochMilli(at.blockTime()), state));
            });
        }
        String next = null;
        if (ids.size() == limit && !rows.isEmpty()) {
            TxRow last = rows.get(rows.size() - 1);
            next = last.height() + "-" + last.index();
        }
        return new TxPage(rows, next);
    }

    private static ReceiptRow.Position cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Matcher m = CURSOR.matcher(cursor.strip());
        if (!m.matches()) {
            throw InvalidInputException.of("cursor", "A page starts after a height and an index, as 12-0");
        }
        return new ReceiptRow.Position(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private Viewer staffOnly() {
        Viewer me = viewers.require();
        if (me.isPatient()) {
            throw new OperationNotAllowedException("Patients see only their own account in the explorer");
        }
        return me;
    }
}
