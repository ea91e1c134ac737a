package gov.alacop.keycloak.common.setup;

/**
 * Which of two numeric values of one setting is the stricter: the existing-realm setup keeps a realm's value where it
 * is already stricter than AlaCOP's. A value of 0 or less means "not set" for {@link #SHORTER_UNLESS_UNSET}.
 */
public enum Strictness {
    /** More is stricter: minimum length, history, lockout wait, retention. */
    HIGHER,
    /** Less is stricter: failures before a lockout, the OTP look-ahead window. */
    LOWER,
    /** Less is stricter, but 0 (or less) means the setting is not used: the remember-me session lifetimes. */
    SHORTER_UNLESS_UNSET,
    /** The realm's value was never in force (its feature was off): AlaCOP's applies whatever it is. */
    EXACT;

    /** True when the realm's value already meets or beats AlaCOP's, so the setup leaves it. */
    public boolean realmMeets(long realm, long alacop) {
        return switch (this) {
            case HIGHER -> realm >= alacop;
            case LOWER -> realm <= alacop;
            case SHORTER_UNLESS_UNSET -> realm > 0 && realm <= alacop;
            case EXACT -> realm == alacop;
        };
    }

    /** True when the realm's value is strictly stricter (not equal): the plan says it was kept. */
    public boolean realmStricter(long realm, long alacop) {
        return realm != alacop && realmMeets(realm, alacop);
    }
}
