package org.careledger.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.careledger.common.NotFoundException;
import org.careledger.identity.internal.RegistrationAttempt;
import org.careledger.identity.internal.RegistrationAttemptRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registrations made with an email address that already has an account, for the admins to see
 * beside the approval queue (the applicant was answered as for any registration, so only here does
 * anyone learn that the address was in use) and to dismiss once looked at.
 */
@Service
@RolesAllowed(AppRoles.ADMIN)
@Transactional
public class RegistrationAttempts {

    private final RegistrationAttemptRepository attempts;
    private final UserDirectory directory;
    private final CurrentUser currentUser;
    private final Clock clock;

    RegistrationAttempts(RegistrationAttemptRepository attempts, UserDirectory directory, CurrentUser currentUser, Clock clock) {
        this.attempts = attempts;
        this.directory = directory;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The attempts nobody has dismissed yet, oldest first. */
    @Transactional(readOnly = true)
    public List<RegistrationAttemptView> open() {
        return attempts.findByDismissedAtIsNullOrderByCreatedAtAsc().stream().map(a -> {
            UserProfile owner = directory.find(new UserId(a.getExistingUserId())).orElseThrow();
            return new RegistrationAttemptView(a.getId(), owner.username(), owner.fullName(), a.getAttemptedRole(), a.getAttemptedName(),
                    a.getCreatedAt());
        }).toList();
    }

    public void dismiss(long id) {
        RegistrationAttempt attempt = attempts.findById(id).filter(a -> a.getDismissedAt() == null)
                .orElseThrow(() -> new NotFoundException("No open registration attempt " + id));
        attempt.dismiss(currentUser.username().orElse("system"), Instant.now(clock));
    }
}
