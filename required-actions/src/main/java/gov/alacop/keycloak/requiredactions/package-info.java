/**
 * Required actions: what runs after the credentials are checked and before the user returns to the application.
 * One sub-package per capability (e.g. {@code staysignedin}, {@code phone}, {@code questions}, {@code enrollment}).
 */
package gov.alacop.keycloak.requiredactions;
