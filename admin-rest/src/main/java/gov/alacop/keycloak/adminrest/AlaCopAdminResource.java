package gov.alacop.keycloak.adminrest;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import gov.alacop.keycloak.adminrest.securitymethods.MfaRolloutResource;
import gov.alacop.keycloak.adminrest.securitymethods.UserSecurityMethodsResource;
import gov.alacop.keycloak.adminrest.setup.RealmSetupResource;
import gov.alacop.keycloak.adminrest.temporarypassword.TemporaryPasswordsResource;
import gov.alacop.keycloak.adminrest.temporarypassword.UserTemporaryPasswordResource;

/**
 * {@code /admin/realms/{realm}/alacop}: only one provider can own this path, so every AlaCOP capability hangs
 * here as a sub-resource. Add a capability by adding a locator that hands the request to its package.
 */
public final class AlaCopAdminResource {

    private final AdminContext context;

    AlaCopAdminResource(AdminContext context) {
        this.context = context;
    }

    @Path("users/{userId}/temporary-password")
    public UserTemporaryPasswordResource userTemporaryPassword(@PathParam("userId") String userId) {
        return new UserTemporaryPasswordResource(context, userId);
    }

    @Path("temporary-passwords")
    public TemporaryPasswordsResource temporaryPasswords() {
        return new TemporaryPasswordsResource(context);
    }

    @Path("mfa/rollout")
    public MfaRolloutResource mfaRollout() {
        return new MfaRolloutResource(context);
    }

    @Path("users/{userId}/security-methods")
    public UserSecurityMethodsResource userSecurityMethods(@PathParam("userId") String userId) {
        return new UserSecurityMethodsResource(context, userId);
    }

    @Path("setup")
    public RealmSetupResource setup() {
        return new RealmSetupResource(context);
    }
}
