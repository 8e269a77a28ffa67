package dev.faro.contract.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.EventCodec;
import dev.faro.contract.events.Sealed;
import java.io.IOException;
import java.util.UUID;

/**
 * Seals a record (personal data, a confirmation link) as JSON with one lead's data key, and opens it again. The
 * lead id is the associated data, so a box moved into another lead's event does not open.
 */
public final class LeadSeal {

    private static final ObjectMapper JSON =
            EventCodec.instance().mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LeadSeal() {}

    /** A fresh 256-bit data key for a new lead, from a CSPRNG. */
    public static byte[] newDataKey() {
        return AesGcm.randomKey();
    }

    public static Sealed seal(byte[] dataKey, UUID leadId, Record value) {
        try {
            return AesGcm.seal(dataKey, associatedData(leadId), JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T extends Record> T open(byte[] dataKey, UUID leadId, Sealed sealed, Class<T> type) {
        byte[] json = AesGcm.open(dataKey, associatedData(leadId), sealed);
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new SealBrokenException("the box holds no " + type.getSimpleName());
        }
    }

    private static String associatedData(UUID leadId) {
        return "faro-lead:" + leadId;
    }
}
