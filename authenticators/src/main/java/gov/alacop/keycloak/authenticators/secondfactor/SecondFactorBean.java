package gov.alacop.keycloak.authenticators.secondfactor;

import java.util.List;

/** What the second-factor page shows ({@code secondFactor} in the template; JavaBean getters for FreeMarker). */
public final class SecondFactorBean {

    /** A "Sign in another way" choice: form value and message key. */
    public static final class Choice {
        private final String value;
        private final String label;

        Choice(String value, String label) {
            this.value = value;
            this.label = label;
        }

        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    private final Method method;
    private final String maskedNumber;
    private final List<Choice> otherWays;
    private final boolean showOtherWays;

    SecondFactorBean(Method method, String maskedNumber, List<Method> available, boolean showOtherWays) {
        this.method = method;
        this.maskedNumber = maskedNumber;
        this.otherWays = available.stream().filter(m -> m != method)
                .map(m -> new Choice(m.value(), "alacopSecondFactorWay" + capitalized(m))).toList();
        this.showOtherWays = showOtherWays;
    }

    private static String capitalized(Method m) {
        String value = m.value();
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    public String getMethod() {
        return method.value();
    }

    public boolean isApp() {
        return method == Method.APP;
    }

    public boolean isVoice() {
        return method == Method.VOICE;
    }

    public String getMaskedNumber() {
        return maskedNumber;
    }

    public List<Choice> getOtherWays() {
        return otherWays;
    }

    /** The list of other ways is open (after "Sign in another way"). */
    public boolean isShowOtherWays() {
        return showOtherWays;
    }
}
