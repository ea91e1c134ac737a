package gov.alacop.keycloak.requiredactions.phone;

/**
 * What the phone setup page shows ({@code phoneSetup} in the template; JavaBean getters for FreeMarker). The
 * code step shows the masked number only.
 */
public final class PhoneSetupPage {

    public static final String STEP_NUMBER = "number";
    public static final String STEP_CODE = "code";

    private final String step;
    private final String typedNumber;
    private final String channel;
    private final String maskedNumber;
    private final String callingCodes;

    PhoneSetupPage(String step, String typedNumber, String channel, String maskedNumber, String callingCodes) {
        this.step = step;
        this.typedNumber = typedNumber;
        this.channel = channel;
        this.maskedNumber = maskedNumber;
        this.callingCodes = callingCodes;
    }

    public boolean isCodeStep() {
        return STEP_CODE.equals(step);
    }

    public boolean isVoice() {
        return "voice".equals(channel);
    }

    public String getTypedNumber() {
        return typedNumber;
    }

    public String getChannel() {
        return channel;
    }

    public String getMaskedNumber() {
        return maskedNumber;
    }

    public String getCallingCodes() {
        return callingCodes;
    }
}
