package gov.alacop.keycloak.authenticators.secondfactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import gov.alacop.keycloak.common.claims.AuthenticationMethod;
import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;

/** A way to give the second factor. Security questions are deliberately not one of them. */
enum Method {
    APP, TEXT, VOICE;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Method parse(String value) {
        for (Method method : values()) {
            if (method.value().equals(value)) {
                return method;
            }
        }
        return null;
    }

    /** What the {@code amr} claim says of a code accepted this way. */
    AuthenticationMethod reference() {
        return isPhone() ? AuthenticationMethod.phone(channel()) : AuthenticationMethod.OTP;
    }

    Channel channel() {
        return this == VOICE ? Channel.VOICE : Channel.TEXT;
    }

    boolean isPhone() {
        return this != APP;
    }

    /** The methods this user has, app first; {@code phone} is the user's phone credential, or null. */
    static List<Method> available(UserModel user, PhoneCredentialModel phone) {
        List<Method> methods = new ArrayList<>();
        if (user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
            methods.add(APP);
        }
        if (phone != null) {
            methods.add(TEXT);
            methods.add(VOICE);
        }
        return methods;
    }

    /** The method used last if still available, else the app, else the phone's preferred channel. */
    static Method preferred(PhoneCredentialModel phone, List<Method> available, String lastUsed) {
        Method last = parse(lastUsed);
        if (last != null && available.contains(last)) {
            return last;
        }
        if (available.contains(APP)) {
            return APP;
        }
        return phone != null && phone.channel() == Channel.VOICE ? VOICE : TEXT;
    }
}
