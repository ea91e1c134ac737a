package gov.alacop.keycloak.requiredactions.phone;

import gov.alacop.keycloak.common.messaging.Channel;

/**
 * What the phone setup page shows ({@code phoneSetup} in the template; JavaBean getters for FreeMarker): the number
 * step (what was typed, the channel chosen) or the code step (the masked number only).
 */
public final class PhoneSetupBean {

    private final boolean codeStep;
    private final String typedNumber;
    private final Channel channel;
    private final String maskedNumber;
    private final String callingCodes;

    private PhoneSetupBean(boolean codeStep, String typedNumber, Channel channel, String maskedNumber,
                           String callingCodes) {
        this.codeStep = codeStep;
        this.typedNumber = typedNumber;
        this.channel = channel;
        this.maskedNumber = maskedNumber;
        this.callingCodes = callingCodes;
    }

    static PhoneSetupBean numberStep(String typedNumber, Channel channel, String callingCodes) {
        return new PhoneSetupBean(false, typedNumber == null ? "" : typedNumber, channel, null, callingCodes);
    }

    static PhoneSetupBean codeStep(Channel channel, String maskedNumber, String callingCodes) {
        return new PhoneSetupBean(true, "", channel, maskedNumber, callingCodes);
    }

    public boolean isCodeStep() {
        return codeStep;
    }

    public boolean isVoice() {
        return channel == Channel.VOICE;
    }

    public String getTypedNumber() {
        return typedNumber;
    }

    public String getChannel() {
        return channel.value();
    }

    public String getMaskedNumber() {
        return maskedNumber;
    }

    public String getCallingCodes() {
        return callingCodes;
    }
}
