package gov.alacop.keycloak.common.messaging;

/** The SSML a voice call reads: the code digit by digit, slowly, twice. */
public final class VoiceScript {

    private VoiceScript() {
    }

    public static String ssml(String code) {
        if (code == null || !code.matches("[0-9]{4,10}")) {
            throw new IllegalArgumentException("A voice code is 4 to 10 digits");
        }
        String digits = "<prosody rate=\"slow\"><say-as interpret-as=\"digits\">" + String.join(" ", code.split(""))
                + "</say-as></prosody>";
        return "<speak>Hello. This is AlaCOP. Your verification code is <break time=\"600ms\"/>" + digits
                + ". <break time=\"1s\"/>Again, your verification code is <break time=\"600ms\"/>" + digits
                + ". <break time=\"600ms\"/>Goodbye.</speak>";
    }
}
