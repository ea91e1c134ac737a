package gov.alacop.keycloak.common.messaging;

/**
 * The gateway did not accept a message (error answer, timeout, missing configuration). Messages of this exception
 * never contain the code or the full phone number.
 */
public class MessageSendException extends Exception {

    public MessageSendException(String message) {
        super(message);
    }

    public MessageSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
