package gov.alacop.keycloak.benchmarks.load;

/** A sign-in that did not end with the officer's tokens: the step where it went wrong and what came back. */
final class SignInFailure extends Exception {

    private final Step step;

    SignInFailure(Step step, String description) {
        super(description);
        this.step = step;
    }

    Step step() {
        return step;
    }
}
