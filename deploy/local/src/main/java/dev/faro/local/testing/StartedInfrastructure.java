package dev.faro.local.testing;

import dev.faro.local.infra.ExternalEndpoints;

/**
 * Infrastructure one backend brought up for this JVM.
 *
 * @param inboxApi {@code faro} for faro-local's own inbox JSON, {@code greenmail} for a GreenMail standalone REST API
 * @param resources what to stop at JVM exit, in order; a no-op for infrastructure someone else runs
 */
record StartedInfrastructure(ExternalEndpoints endpoints, String inboxApi, AutoCloseable resources) {

    static final String FARO_INBOX = "faro";
    static final String GREENMAIL_INBOX = "greenmail";
}
