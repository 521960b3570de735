package org.careledger.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.InvalidInputException;
import org.careledger.common.NotFoundException;
import org.careledger.provider.internal.ProviderEntity;
import org.careledger.provider.internal.ProviderRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consortium's healthcare providers. Anyone may list them (the registration form offers them);
 * only admins add or change one. A new provider, or a change of its kind, is published
 * ({@link ProviderCreated}, {@link ProviderKindChanged}) in the change's transaction, so its ledger
 * account is opened and registered with it.
 */
@Service
@Transactional(readOnly = true)
public class Providers {

    private final ProviderRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Providers(ProviderRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    public List<ProviderView> all() {
        return repository.findAllByOrderByNameAsc().stream().map(ProviderEntity::view).toList();
    }

    public List<ProviderView> ofKind(ProviderKind kind) {
        return repository.findByKindOrderByNameAsc(kind).stream().map(ProviderEntity::view).toList();
    }

    public Optional<ProviderView> find(long id) {
        return repository.findById(id).map(ProviderEntity::view);
    }

    @Transactional
    @RolesAllowed("ADMIN")
    public ProviderView create(String name, ProviderKind kind, String address) {
        Validated v = validate(name, kind, address, null);
        ProviderView created = repository.save(new ProviderEntity(v.name, kind, v.address, Instant.now(clock))).view();
        events.publishEvent(new ProviderCreated(created));
        return created;
    }

    @Transactional
    @RolesAllowed("ADMIN")
    public ProviderView update(long id, String name, ProviderKind kind, String address) {
        ProviderEntity entity = repository.findById(id)
                .orElseThrow(() -> new NotFoundException("No healthcare provider with id " + id));
        Validated v = validate(name, kind, address, id);
        ProviderKind before = entity.view().kind();
        entity.update(v.name, kind, v.address);
        ProviderView updated = entity.view();
        if (before != kind) {
            events.publishEvent(new ProviderKindChanged(updated, before));
        }
        return updated;
    }

    /**
     * Sets where the provider works: an IANA zone id such as {@code Europe/Berlin}; its doctors'
     * hours are kept in it.
     *
     * @throws InvalidInputException if the zone is not a known region id
     */
    @Transactional
    @RolesAllowed("ADMIN")
    public ProviderView setTimeZone(long id, String zone) {
        ProviderEntity entity = repository.findById(id)
                .orElseThrow(() -> new NotFoundException("No healthcare provider with id " + id));
        String z = zone == null ? "" : zone.strip();
        if (!java.time.ZoneId.getAvailableZoneIds().contains(z)) {
            throw InvalidInputException.of("timeZone", "Choose a time zone from the list, such as Europe/Berlin");
        }
        entity.timeZone(z);
        return entity.view();
    }

    private record Validated(String name, String address) {
    }

    private Validated validate(String name, ProviderKind kind, String address, Long id) {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = ProviderRules.name(name, errors);
        if (!errors.containsKey("name") && repository.findByNameIgnoreCase(n).filter(p -> !p.getId().equals(id)).isPresent()) {
            errors.put("name", "A provider with this name already exists");
        }
        if (kind == null) {
            errors.put("kind", "Choose hospital or pharmacy");
        }
        String a = ProviderRules.address(address, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Validated(n, a);
    }
}
