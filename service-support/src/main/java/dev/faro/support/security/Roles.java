package dev.faro.support.security;

/**
 * The roles Faro's tokens carry in their {@code groups} claim. Admin includes everything a marketer may do:
 * endpoints for marketers allow both.
 */
public final class Roles {

    /** Runs campaigns and reads their numbers. */
    public static final String MARKETER = "marketer";

    /** May do everything a marketer may, and administer Faro. */
    public static final String ADMIN = "admin";

    /** A shop platform reporting redemptions. */
    public static final String SHOP = "shop";

    private Roles() {}
}
