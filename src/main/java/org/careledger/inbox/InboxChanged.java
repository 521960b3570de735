package org.careledger.inbox;

import org.careledger.identity.UserId;

/** A user's inbox changed; published after the change committed. */
public record InboxChanged(UserId recipient, long unreadCount) {
}
