package gov.alacop.keycloak.it.existing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import gov.alacop.keycloak.it.support.ItSettings;
import gov.alacop.keycloak.it.support.KeycloakServer;

/** Runs the command-line script as the bundle zip ships it ({@code bin/alacop-setup.sh}), as an administrator would. */
final class SetupCli {

    record Run(int exitCode, String output) {
    }

    private SetupCli() {
    }

    static Run run(KeycloakServer server, String realm, String... args) {
        return runAs(server, realm, KeycloakServer.ADMIN_PASSWORD, args);
    }

    /** The password goes through the environment, as README says; stdin is not a terminal. */
    static Run runAs(KeycloakServer server, String realm, String password, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script().toString(), "--server", server.baseUrl(),
                "--realm", realm, "--user", KeycloakServer.ADMIN_USERNAME));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("KEYCLOAK_ADMIN_PASSWORD", password);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("alacop-setup.sh did not finish: " + output);
            }
            System.out.printf("$ alacop-setup.sh %s%n%s", String.join(" ", args), output);
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** bin/alacop-setup.sh taken out of distribution/target/alacop-keycloak-bundle-*.zip. */
    private static Path script() {
        Path target = ItSettings.projectDir().resolve("distribution/target");
        try (Stream<Path> files = Files.list(target)) {
            Path zip = files.filter(p -> p.getFileName().toString().matches("alacop-keycloak-bundle-.*\\.zip"))
                    .findFirst().orElseThrow(() -> new AssertionError("No bundle zip in " + target));
            Path out = ItSettings.outputDir().resolve("cli/alacop-setup.sh");
            Files.createDirectories(out.getParent());
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                ZipEntry entry = archive.getEntry("bin/alacop-setup.sh");
                if (entry == null) {
                    throw new AssertionError("The bundle zip lacks bin/alacop-setup.sh");
                }
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
