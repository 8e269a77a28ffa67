package dev.faro.email.sending;

import java.util.UUID;

/** Fired when an intent is added; observed after commit to wake the sender. */
record SendIntentRecorded(UUID leadId, String kind, int step) {}
