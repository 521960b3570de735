/**
 * Durable block storage for one node: blocks kept as opaque, checksummed byte records in append-only
 * files ({@code blocks-00000.dat}, {@code blocks-00001.dat}, ...) under the node's {@code blocks/}
 * directory. A block is committed once {@link org.careledger.ledger.store.BlockStore#append} returns.
 * On open, a record torn by a crash at the end of the last file is cut off; any other damage is
 * reported as a {@link org.careledger.ledger.store.Corruption} and the store refuses to append. The
 * store knows nothing of block contents beyond the height the caller gives with each record.
 */
package org.careledger.ledger.store;
