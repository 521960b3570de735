/**
 * Each user's persistent inbox: notifications fed by events from any module (a registration
 * waiting for approval, later access requests and emergency alerts), an unread count, marking as
 * read, and a live push to users who are online. A notification that asks someone to act is tied
 * to what it announces and marked handled, saying how, when the event that settles it arrives.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox",
        allowedDependencies = {"appointments", "common", "crypto", "identity", "outbox", "pharmacy", "provider", "records"})
package org.careledger.inbox;
