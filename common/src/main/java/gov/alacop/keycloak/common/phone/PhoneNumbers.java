package gov.alacop.keycloak.common.phone;

import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Turns what a person typed into an E.164 number, or says why it cannot. */
public final class PhoneNumbers {

    /** Longer input is refused before parsing (libphonenumber itself stops at 250 characters). */
    public static final int MAX_INPUT_LENGTH = 40;

    public enum Problem { EMPTY, TOO_LONG, INVALID, COUNTRY_NOT_ALLOWED }

    /** Either {@code e164} or {@code problem} is set; {@code landline} is a hint for the page. */
    public record Result(String e164, Problem problem, boolean landline) {
        public boolean valid() {
            return problem == null;
        }

        static Result refused(Problem problem) {
            return new Result(null, problem, false);
        }
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param input            national ({@code (205) 555-0123}) or international ({@code +1 205 555 0123}) form
     * @param defaultRegion    region assumed for national input, e.g. {@code US}
     * @param allowedCodes     allowed country calling codes, e.g. {@code {1}}
     */
    public static Result normalize(String input, String defaultRegion, Set<Integer> allowedCodes) {
        if (input == null || input.isBlank()) {
            return Result.refused(Problem.EMPTY);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            return Result.refused(Problem.TOO_LONG);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(input.strip(), defaultRegion);
        } catch (NumberParseException e) {
            return Result.refused(Problem.INVALID);
        }
        if (!UTIL.isValidNumber(number)) {
            return Result.refused(Problem.INVALID);
        }
        if (!allowedCodes.contains(number.getCountryCode())) {
            return Result.refused(Problem.COUNTRY_NOT_ALLOWED);
        }
        boolean landline = UTIL.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.FIXED_LINE;
        return new Result(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null, landline);
    }

    /** "1, 44" → {1, 44}; unparsable entries are skipped; empty → {1}. */
    public static Set<Integer> parseCallingCodes(String configured) {
        java.util.Set<Integer> codes = new java.util.TreeSet<>();
        if (configured != null) {
            for (String part : configured.split("[,\\s#]+")) {
                String digits = part.replace("+", "").strip();
                if (digits.matches("[0-9]{1,3}")) {
                    codes.add(Integer.parseInt(digits));
                }
            }
        }
        return codes.isEmpty() ? Set.of(1) : Set.copyOf(codes);
    }
}
