package gov.alacop.keycloak.requiredactions.staysignedin;

/** Names shared by the "Stay signed in?" step: user attribute, notes, form fields, event details, messages. */
public final class StaySignedIn {

    /** Required-action provider id (and alias in the realm). */
    public static final String PROVIDER_ID = "alacop-stay-signed-in";

    /** User attribute holding a saved answer ("Don't show this again"): {@code yes} or {@code no}. */
    public static final String SAVED_CHOICE_ATTRIBUTE = "alacopStaySignedIn";

    /**
     * Client attribute that marks a shared-device (kiosk) application: {@code alacop.kiosk=true}. The question is
     * never asked there and its sessions always end with the browser.
     */
    public static final String KIOSK_CLIENT_ATTRIBUTE = "alacop.kiosk";

    /** Auth note set once this sign-in's answer is settled, so later trigger evaluations do not ask again. */
    static final String ANSWERED_NOTE = "alacop.staysignedin.answered";

    static final String FORM_CHOICE = "staySignedIn";
    static final String FORM_DONT_SHOW_AGAIN = "dontShowAgain";

    /** Event detail with the choice ({@code yes}/{@code no}); never anything secret. */
    static final String EVENT_DETAIL_CHOICE = "stay_signed_in";
    /** Event detail saying where the choice came from: {@code asked} or {@code saved}. */
    static final String EVENT_DETAIL_SOURCE = "stay_signed_in_source";
    /** Event detail set when the user asked not to be asked again. */
    static final String EVENT_DETAIL_SAVED = "stay_signed_in_saved";

    static final String TEMPLATE = "alacop-stay-signed-in.ftl";
    static final String MSG_CHOOSE = "alacopStaySignedInChoose";

    private StaySignedIn() {
    }
}
