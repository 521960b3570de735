/**
 * The load test: a command (see README, "Under many users"), never run by the build's tests. It starts
 * the whole portal in-process on a loopback port, creates approved patients and doctors through the
 * services, signs them in over real HTTP sessions and opens the main stories' pages through Vaadin's own
 * bootstrap requests, timing each, and prints percentiles, throughput, errors, heap per idle session,
 * CPU, the machine's load and the ledger's throughput under load against idle, with the goals.
 */
package org.careledger.load;
