package org.careledger.identity;

/** A user's database id, typed so it is not confused with other ids. */
public record UserId(long value) {

    @Override
    public String toString() {
        return "user#" + value;
    }
}
