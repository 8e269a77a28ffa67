package dev.faro.email.unsubscribe;

/**
 * What a DSN or ARF report says about one address: the suppression it calls for ({@code reason} null when none),
 * and the report's own words for it (DSN action, status and diagnostic; ARF feedback type), each null when absent.
 */
record ReportedRecipient(
        String email,
        SuppressionReason reason,
        String action,
        String status,
        String diagnosticCode,
        String feedbackType) {}
