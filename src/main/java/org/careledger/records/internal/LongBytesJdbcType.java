package org.careledger.records.internal;

import java.sql.Types;

import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.LongVarbinaryJdbcType;

/**
 * Bytes of any length, read and written whole: the column is H2's {@code BLOB} and PostgreSQL's
 * {@code BYTEA} (Hibernate's {@code LONG32VARBINARY}), bound as JDBC's {@code LONGVARBINARY}, which
 * both drivers know (a null bound as {@code LONG32VARBINARY} is refused by PostgreSQL's driver). Not
 * {@code @Lob}, which on PostgreSQL is a large object ({@code oid}) that outlives its row, erasure
 * included.
 */
public final class LongBytesJdbcType extends LongVarbinaryJdbcType {

    public LongBytesJdbcType() {
        super(Types.LONGVARBINARY);
    }

    @Override
    public int getDefaultSqlTypeCode() {
        return SqlTypes.LONG32VARBINARY;
    }

    @Override
    public int getDdlTypeCode() {
        return SqlTypes.LONG32VARBINARY;
    }
}
