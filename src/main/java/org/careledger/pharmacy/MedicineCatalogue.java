package org.careledger.pharmacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import org.careledger.common.NotFoundException;
import org.careledger.common.OperationNotAllowedException;
import org.careledger.common.InvalidInputException;
import org.careledger.common.TokenAmount;
import org.careledger.identity.AppRoles;
import org.careledger.identity.CurrentUser;
import org.careledger.provider.ProviderKind;
import org.careledger.provider.Providers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medicine catalogue: what a doctor may prescribe and at what price a pharmacy sells it. Anyone
 * signed in may read it; a pharmacist sets their own pharmacy's prices; only admins change the
 * catalogue's price or withdraw a medicine (a withdrawn one stays
 * listed for the prescriptions that name it, but {@link #requirePrescribable} refuses it). Prices are
 * per unit, in token base units; at most {@value #MAX_PRICE_TOKENS} tokens a unit.
 */
@Service
@Transactional(readOnly = true)
public class MedicineCatalogue {

    /** The highest unit price an admin may set, in tokens: ten times the dearest Synthea medicine. */
    public static final long MAX_PRICE_TOKENS = 1_000_000;

    private static final String COLUMNS = "rxnorm, name, form_strength, unit_price, withdrawn_at";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Providers providers;
    private final Clock clock;

    MedicineCatalogue(JdbcClient jdbc, CurrentUser currentUser, Providers providers, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.providers = providers;
        this.clock = clock;
    }

    /** Every medicine, withdrawn ones too, by name. */
    public List<CatalogueMedicine> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pharmacy_medicines ORDER BY name, rxnorm").query(MedicineCatalogue::row).list();
    }

    /**
     * The medicines that may be prescribed whose name or code holds {@code text} (any case; all of
     * them for a blank text), by name, at most {@code limit}.
     */
    public List<CatalogueMedicine> prescribable(String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "")) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM pharmacy_medicines WHERE withdrawn_at IS NULL"
                        + " AND (LOWER(name) LIKE ? OR rxnorm LIKE ?) ORDER BY name, rxnorm FETCH FIRST ? ROWS ONLY")
                .params(like, like, Math.max(1, Math.min(limit, 500))).query(MedicineCatalogue::row).list();
    }

    public Optional<CatalogueMedicine> find(RxNormCode code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM pharmacy_medicines WHERE rxnorm = ?").param(code.value())
                .query(MedicineCatalogue::row).optional();
    }

    /** The medicine, if it may be newly prescribed; otherwise why not, as a typed exception. */
    public CatalogueMedicine requirePrescribable(RxNormCode code) {
        CatalogueMedicine medicine = find(code).orElseThrow(() -> new NotFoundException(
                "There is no medicine with RxNorm code " + code.value() + " in the catalogue"));
        if (medicine.withdrawn()) {
            throw new MedicineWithdrawnException(medicine);
        }
        return medicine;
    }

    /** The price a unit of {@code code} sells at in pharmacy {@code providerId}: its own, else the catalogue's. */
    public TokenAmount priceAt(long providerId, RxNormCode code) {
        Optional<Long> own = jdbc.sql("SELECT unit_price FROM pharmacy_prices WHERE provider_id = ? AND rxnorm = ?")
                .params(providerId, code.value()).query(Long.class).optional();
        return own.map(TokenAmount::new).orElseGet(() -> find(code).map(CatalogueMedicine::unitPrice)
                .orElseThrow(() -> new NotFoundException("There is no medicine with RxNorm code " + code.value() + " in the catalogue")));
    }

    /** The prices the signed-in pharmacist's pharmacy set for itself, by medicine; the others sell at the catalogue's price. */
    @RolesAllowed(AppRoles.PHARMACIST)
    public Map<RxNormCode, TokenAmount> ownPrices() {
        long pharmacy = myPharmacy();
        return jdbc.sql("SELECT rxnorm, unit_price FROM pharmacy_prices WHERE provider_id = ? ORDER BY rxnorm").param(pharmacy)
                .query((row, n) -> Map.entry(RxNormCode.of(row.getString("rxnorm")), new TokenAmount(row.getLong("unit_price"))))
                .list().stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll);
    }

    /**
     * Sets the unit price at which the signed-in pharmacist's pharmacy sells {@code code} from what
     * they typed; a withdrawn medicine may be priced too (it may still be dispensed on an older
     * prescription).
     */
    @Transactional
    @RolesAllowed(AppRoles.PHARMACIST)
    public TokenAmount setOwnPrice(RxNormCode code, String tokens) {
        long pharmacy = myPharmacy();
        TokenAmount price = checkedPrice(tokens);
        find(code).orElseThrow(() -> new NotFoundException("There is no medicine with RxNorm code " + code.value() + " in the catalogue"));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String by = currentUser.username().orElse(null);
        int updated = jdbc.sql("UPDATE pharmacy_prices SET unit_price = ?, updated_at = ?, updated_by = ? WHERE provider_id = ? AND rxnorm = ?")
                .params(price.baseUnits(), now, by, pharmacy, code.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO pharmacy_prices (provider_id, rxnorm, unit_price, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                    .params(pharmacy, code.value(), price.baseUnits(), now, by).update();
        }
        return price;
    }

    /** The signed-in pharmacist's pharmacy sells {@code code} at the catalogue's price again. */
    @Transactional
    @RolesAllowed(AppRoles.PHARMACIST)
    public void clearOwnPrice(RxNormCode code) {
        jdbc.sql("DELETE FROM pharmacy_prices WHERE provider_id = ? AND rxnorm = ?").params(myPharmacy(), code.value()).update();
    }

    private long myPharmacy() {
        Long pharmacy = currentUser.require().providerId();
        if (pharmacy == null || providers.find(pharmacy).filter(p -> p.kind() == ProviderKind.PHARMACY).isEmpty()) {
            throw new OperationNotAllowedException("Your account names no pharmacy; ask an admin to set it");
        }
        return pharmacy;
    }

    private static TokenAmount checkedPrice(String tokens) {
        TokenAmount price = TokenAmount.parse(tokens, "price");
        if (price.baseUnits() > TokenAmount.ofTokens(MAX_PRICE_TOKENS).baseUnits()) {
            throw InvalidInputException.of("price", "At most " + TokenAmount.ofTokens(MAX_PRICE_TOKENS).format() + " tokens a unit");
        }
        return price;
    }

    /** Sets the catalogue's unit price of {@code code} from what the admin typed ("12.5" tokens). */
    @Transactional
    @RolesAllowed(AppRoles.ADMIN)
    public CatalogueMedicine setPrice(RxNormCode code, String tokens) {
        update(code, "unit_price = ?", checkedPrice(tokens).baseUnits());
        return find(code).orElseThrow();
    }

    /** Withdraws {@code code}: it can no longer be newly prescribed; prescriptions already issued are not touched. */
    @Transactional
    @RolesAllowed(AppRoles.ADMIN)
    public CatalogueMedicine withdraw(RxNormCode code) {
        update(code, "withdrawn_at = COALESCE(withdrawn_at, ?)", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        return find(code).orElseThrow();
    }

    /** Makes a withdrawn medicine available to prescribe again. */
    @Transactional
    @RolesAllowed(AppRoles.ADMIN)
    public CatalogueMedicine reinstate(RxNormCode code) {
        update(code, "withdrawn_at = NULL", null);
        return find(code).orElseThrow();
    }

    private void update(RxNormCode code, String set, Object value) {
        String by = currentUser.username().orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int changed = value == null
                ? jdbc.sql("UPDATE pharmacy_medicines SET " + set + ", updated_at = ?, updated_by = ? WHERE rxnorm = ?")
                        .params(now, by, code.value()).update()
                : jdbc.sql("UPDATE pharmacy_medicines SET " + set + ", updated_at = ?, updated_by = ? WHERE rxnorm = ?")
                        .params(value, now, by, code.value()).update();
        if (changed == 0) {
            throw new NotFoundException("There is no medicine with RxNorm code " + code.value() + " in the catalogue");
        }
    }

    private static CatalogueMedicine row(ResultSet row, int n) throws SQLException {
        OffsetDateTime withdrawn = row.getObject("withdrawn_at", OffsetDateTime.class);
        return new CatalogueMedicine(RxNormCode.of(row.getString("rxnorm")), row.getString("name"), row.getString("form_strength"),
                new TokenAmount(row.getLong("unit_price")), withdrawn == null ? null : withdrawn.toInstant());
    }
}
