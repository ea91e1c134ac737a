package gov.alacop.keycloak.adminrest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** What every capability's resource gets from Keycloak for one admin request. */
public record AdminContext(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
        AdminEventBuilder adminEvent) {
}
