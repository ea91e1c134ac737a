package gov.alacop.keycloak.common.messaging;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Typed options shared by the AWS senders ({@code --spi-message-sender--<id>--<option>}): region, endpoint
 * override, static credentials (else the default AWS chain) and the timeout that bounds every call.
 */
record AwsClientSettings(Region region, URI endpointOverride, String accessKeyId, String secretAccessKey,
                         Duration timeout) {

    static final String REGION = "region";
    static final String ENDPOINT_OVERRIDE = "endpoint-override";
    static final String ACCESS_KEY_ID = "access-key-id";
    static final String SECRET_ACCESS_KEY = "secret-access-key";
    static final String TIMEOUT_MILLIS = "timeout-millis";

    static final String DEFAULT_REGION = "us-east-1";
    static final int DEFAULT_TIMEOUT_MILLIS = 5000;

    static AwsClientSettings from(Config.Scope config) {
        String endpoint = blankToNull(config.get(ENDPOINT_OVERRIDE));
        return new AwsClientSettings(
                Region.of(config.get(REGION, DEFAULT_REGION).strip()),
                endpoint == null ? null : URI.create(endpoint),
                blankToNull(config.get(ACCESS_KEY_ID)),
                blankToNull(config.get(SECRET_ACCESS_KEY)),
                Duration.ofMillis(config.getInt(TIMEOUT_MILLIS, DEFAULT_TIMEOUT_MILLIS)));
    }

    AwsCredentialsProvider credentials() {
        if (accessKeyId != null && secretAccessKey != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Applies region, endpoint, credentials, the light HTTP client and the bounded, non-retrying timeouts. */
    <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                // One attempt: a retried text can reach the phone twice, and the page must answer in time.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(timeout)
                        .build());
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder;
    }

    static ProviderConfigurationBuilder describe(ProviderConfigurationBuilder builder) {
        return builder
                .property().name(REGION).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_REGION)
                .helpText("AWS region of the service.").add()
                .property().name(ENDPOINT_OVERRIDE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Endpoint URL instead of AWS's public one (private endpoints, tests).").add()
                .property().name(ACCESS_KEY_ID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Access key id; empty = the default AWS credentials chain (role, environment).").add()
                .property().name(SECRET_ACCESS_KEY).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Secret access key that goes with the access key id.").add()
                .property().name(TIMEOUT_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_TIMEOUT_MILLIS)
                .helpText("Bound of a call (connect, read and total), in milliseconds.").add();
    }

    static List<ProviderConfigProperty> metadata(ProviderConfigurationBuilder extra) {
        return describe(extra).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
