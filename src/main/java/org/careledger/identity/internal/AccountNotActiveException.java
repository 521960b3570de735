package org.careledger.identity.internal;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was right but the account may not sign in (pending, rejected or disabled). Only now
 * may the person learn why: the message is shown on the login page.
 */
public class AccountNotActiveException extends AccountStatusException {

    public AccountNotActiveException(String message) {
        super(message);
    }
}
