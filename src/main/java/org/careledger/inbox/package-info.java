/**
 * Each user's persistent inbox: notifications fed by events from any module (a registration
 * waiting for approval, later access requests and emergency alerts), an unread count, marking as
 * read, and a live push to users who are online.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox",
        allowedDependencies = {"common", "identity", "outbox", "provider", "records"})
package org.careledger.inbox;
