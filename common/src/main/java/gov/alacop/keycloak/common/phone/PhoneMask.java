package gov.alacop.keycloak.common.phone;

/** Phone numbers as they may appear in logs, events and pages: only the last digits. */
public final class PhoneMask {

    private static final int SHOWN_DIGITS = 4;

    private PhoneMask() {
    }

    /** {@code +12055550123} becomes {@code •••0123}; anything with fewer than 6 digits is fully hidden. */
    public static String mask(String number) {
        if (number == null) {
            return "•••";
        }
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() < 6) {
            return "•••";
        }
        return "•••" + digits.substring(digits.length() - SHOWN_DIGITS);
    }

    /** The last digits alone, for event details. */
    public static String lastDigits(String number) {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        return digits.length() < 6 ? "" : digits.substring(digits.length() - SHOWN_DIGITS);
    }
}
