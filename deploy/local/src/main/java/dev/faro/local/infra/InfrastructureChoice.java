package dev.faro.local.infra;

import java.util.Objects;

/** Which infrastructure the tests of this JVM use; {@code external} is set only for {@link Kind#EXTERNAL}. */
public record InfrastructureChoice(Kind kind, ExternalEndpoints external) {

    public enum Kind {
        EXTERNAL,
        CONTAINERS,
        EMBEDDED
    }

    public InfrastructureChoice {
        Objects.requireNonNull(kind);
        if ((kind == Kind.EXTERNAL) != (external != null)) {
            throw new IllegalArgumentException("endpoints go with EXTERNAL, and only with it");
        }
    }

    public static InfrastructureChoice external(ExternalEndpoints endpoints) {
        return new InfrastructureChoice(Kind.EXTERNAL, endpoints);
    }

    public static InfrastructureChoice containers() {
        return new InfrastructureChoice(Kind.CONTAINERS, null);
    }

    public static InfrastructureChoice embedded() {
        return new InfrastructureChoice(Kind.EMBEDDED, null);
    }
}
