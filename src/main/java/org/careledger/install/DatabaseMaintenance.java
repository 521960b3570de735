package org.careledger.install;

/**
 * What the portal asks of its database beyond the SQL that H2 and PostgreSQL share: that what is
 * committed survives a crash before the ledger acts on it, and that an erased row leaves no bytes
 * behind in the database's files. One implementation per database the portal runs on, chosen from
 * {@code spring.datasource.url} ({@link DatabaseConfiguration}): H2's embedded file, or PostgreSQL.
 */
public interface DatabaseMaintenance {

    /**
     * Returns once every transaction committed so far would survive a crash of the process or the
     * machine. H2 writes its commits out about a second later unless told; PostgreSQL has made each
     * commit durable before the commit returned.
     */
    void makeCommittedDurable();

    /**
     * Rewrites the database's storage so that rows deleted or overwritten so far, in {@code tables}
     * at least, are no longer in its data files. Slow and rare: after an admin-confirmed erasure.
     * What this cannot reach (PostgreSQL's write-ahead log and backups) is in the README.
     *
     * @param tables the tables whose old rows must go, plain lower-case SQL names
     */
    void compactAfterErasure(String... tables);
}
