package gov.alacop.keycloak.common.phone;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns what a person typed into an E.164 number, or says why it cannot. Beyond the calling code, the number's
 * region ({@code +1} alone covers the United States, Canada and some 20 Caribbean and Pacific countries) and its
 * type are checked with libphonenumber: only mobile, landline and VoIP numbers are accepted, so premium-rate,
 * shared-cost, toll-free, UAN, personal, pager and voicemail numbers (the targets of SMS and call toll fraud) and
 * numbers of unknown type are refused.
 */
public final class PhoneNumbers {

    /** Longer input is refused before parsing (libphonenumber itself stops at 250 characters). */
    public static final int MAX_INPUT_LENGTH = 40;

    public enum Problem { EMPTY, TOO_LONG, INVALID, COUNTRY_NOT_ALLOWED, REGION_NOT_ALLOWED, TYPE_NOT_ALLOWED }

    /** The only number types a person's phone may have; everything else (incl. UNKNOWN) is refused. */
    static final Set<PhoneNumberUtil.PhoneNumberType> ALLOWED_TYPES = EnumSet.of(
            PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
            PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberUtil.PhoneNumberType.VOIP);

    public static final String DEFAULT_REGIONS = "US";

    /** Either {@code e164} or {@code problem} is set. */
    public record Result(String e164, Problem problem) {
        public boolean valid() {
            return problem == null;
        }

        static Result refused(Problem problem) {
            return new Result(null, problem);
        }
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param input            national ({@code (205) 555-0123}) or international ({@code +1 205 555 0123}) form
     * @param defaultRegion    region assumed for national input, e.g. {@code US}
     * @param allowedCodes     allowed country calling codes, e.g. {@code {1}}
     * @param allowedRegions   allowed ISO regions, e.g. {@code {US}}; empty allows none
     */
    public static Result normalize(String input, String defaultRegion, Set<Integer> allowedCodes,
                                   Set<String> allowedRegions) {
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
        if (!allowedRegions.contains(UTIL.getRegionCodeForNumber(number))) {
            return Result.refused(Problem.REGION_NOT_ALLOWED);
        }
        PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
        if (!ALLOWED_TYPES.contains(type)) {
            return Result.refused(Problem.TYPE_NOT_ALLOWED);
        }
        return new Result(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
    }

    /**
     * "US, ca" → {US, CA}; entries that are not regions libphonenumber knows are skipped; an empty setting means
     * {@value #DEFAULT_REGIONS}. A setting with no known region gives the empty set: no number is accepted.
     */
    public static Set<String> parseRegions(String configured) {
        if (configured == null || configured.isBlank()) {
            return Set.of(DEFAULT_REGIONS);
        }
        Set<String> regions = new TreeSet<>();
        for (String part : configured.split("[,\\s]+")) {
            String region = part.strip().toUpperCase(Locale.ROOT);
            if (UTIL.getSupportedRegions().contains(region)) {
                regions.add(region);
            }
        }
        return Set.copyOf(regions);
    }

    /** Entries of a regions setting that are not regions libphonenumber knows (for validating the setting). */
    public static Set<String> unknownRegions(String configured) {
        Set<String> unknown = new TreeSet<>();
        if (configured != null) {
            for (String part : configured.split("[,\\s]+")) {
                String region = part.strip().toUpperCase(Locale.ROOT);
                if (!region.isEmpty() && !UTIL.getSupportedRegions().contains(region)) {
                    unknown.add(part.strip());
                }
            }
        }
        return unknown;
    }

    /** "United States, Canada" for a page, in English. */
    public static String regionNames(Set<String> regions) {
        return regions.stream().sorted().map(r -> new Locale("", r).getDisplayCountry(Locale.ENGLISH))
                .collect(Collectors.joining(", "));
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
