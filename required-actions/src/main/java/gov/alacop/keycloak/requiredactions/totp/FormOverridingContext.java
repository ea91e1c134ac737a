package gov.alacop.keycloak.requiredactions.totp;

import java.net.URI;
import java.security.cert.X509Certificate;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** A required-action context whose request carries other form parameters; everything else is the real context. */
final class FormOverridingContext implements RequiredActionContext {

    private final RequiredActionContext delegate;
    private final HttpRequest request;

    FormOverridingContext(RequiredActionContext delegate, MultivaluedMap<String, String> form) {
        this.delegate = delegate;
        this.request = new FormOverridingRequest(delegate.getHttpRequest(), form);
    }

    @Override
    public HttpRequest getHttpRequest() {
        return request;
    }

    @Override
    public String getAction() {
        return delegate.getAction();
    }

    @Override
    public URI getActionUrl(String code) {
        return delegate.getActionUrl(code);
    }

    @Override
    public URI getActionUrl() {
        return delegate.getActionUrl();
    }

    @Override
    public LoginFormsProvider form() {
        return delegate.form();
    }

    @Override
    public Response getChallenge() {
        return delegate.getChallenge();
    }

    @Override
    public EventBuilder getEvent() {
        return delegate.getEvent();
    }

    @Override
    public UserModel getUser() {
        return delegate.getUser();
    }

    @Override
    public RealmModel getRealm() {
        return delegate.getRealm();
    }

    @Override
    public AuthenticationSessionModel getAuthenticationSession() {
        return delegate.getAuthenticationSession();
    }

    @Override
    public ClientConnection getConnection() {
        return delegate.getConnection();
    }

    @Override
    public UriInfo getUriInfo() {
        return delegate.getUriInfo();
    }

    @Override
    public KeycloakSession getSession() {
        return delegate.getSession();
    }

    @Override
    public RequiredActionConfigModel getConfig() {
        return delegate.getConfig();
    }

    @Override
    public String generateCode() {
        return delegate.generateCode();
    }

    @Override
    public Status getStatus() {
        return delegate.getStatus();
    }

    @Override
    public String getErrorMessage() {
        return delegate.getErrorMessage();
    }

    @Override
    public void challenge(Response response) {
        delegate.challenge(response);
    }

    @Override
    public void failure(String errorMessage) {
        delegate.failure(errorMessage);
    }

    @Override
    public void failure() {
        delegate.failure();
    }

    @Override
    public void success() {
        delegate.success();
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    @Override
    public void ignore() {
        delegate.ignore();
    }

    private record FormOverridingRequest(HttpRequest delegate, MultivaluedMap<String, String> form)
            implements HttpRequest {

        @Override
        public MultivaluedMap<String, String> getDecodedFormParameters() {
            return form;
        }

        @Override
        public String getHttpMethod() {
            return delegate.getHttpMethod();
        }

        @Override
        public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
            return delegate.getMultiPartFormParameters();
        }

        @Override
        public HttpHeaders getHttpHeaders() {
            return delegate.getHttpHeaders();
        }

        @Override
        public X509Certificate[] getClientCertificateChain() {
            return delegate.getClientCertificateChain();
        }

        @Override
        public UriInfo getUri() {
            return delegate.getUri();
        }

        @Override
        public boolean isProxyTrusted() {
            return delegate.isProxyTrusted();
        }
    }
}
