package gov.alacop.keycloak.authenticators.reset;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;

import gov.alacop.keycloak.common.messaging.Channel;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Checked;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Message;
import gov.alacop.keycloak.common.phone.PhoneCodeExchange.Outcome;
import gov.alacop.keycloak.common.phone.PhoneCredentialModel;
import gov.alacop.keycloak.common.phone.PhoneCredentialProvider;
import gov.alacop.keycloak.common.phone.PhoneMask;
import gov.alacop.keycloak.common.questions.AnswerHasher;
import gov.alacop.keycloak.common.questions.Answers;
import gov.alacop.keycloak.common.questions.SecurityQuestionsCredentialModel;

/**
 * "Verify your identity" of the reset: the proofs the configuration asks for ({@link ResetPlan}), one page per proof,
 * an app code, a text or voice code (the shared {@link PhoneCodeExchange} with purpose RESET and notes of this
 * execution, so a sign-in or setup code never counts here) or some of the security questions, "Verify another way"
 * to pick among the officer's own methods.
 *
 * <p>No enumeration: for an identifier the reset cannot succeed for (unknown, disabled, locked, a pending temporary
 * password, not enough methods) the same pages show decoy methods and decoy questions derived from the identifier
 * with a keyed hash ({@link ResetKeyedHash}), every attempt is refused, the questions cost the same hashing time
 * (dummy hashes), and after as many attempts as lock a real account the page ends at the help desk, as a locked real
 * account does. Nothing is sent. The step never sets the flow's user (so {@link #requiresUser()} is false); Keycloak's
 * brute-force protection finds the real account of a failed proof through the identifier step's note, and counts it
 * because this step's reference category is {@code otp}.
 */
final class ResetProofsAuthenticator extends ResetStep {

    static final String TEMPLATE = "alacop-reset-proof.ftl";
    static final String HELP_DESK_TEMPLATE = "alacop-reset-help-desk.ftl";
    static final String ATTRIBUTE = "alacopReset";

    static final String FIELD_CODE = "code";
    static final String FIELD_ANSWER = "answer";
    static final String FIELD_ACTION = "action";
    static final String ACTION_VERIFY = "verify";
    static final String ACTION_OTHER_WAYS = "other-ways";
    static final String ACTION_WAY = "way-";
    static final String ACTION_HELP_DESK = "help-desk";
    static final String ACTION_RESEND = "resend";

    static final String NOTE_PASSED = "passed";
    static final String NOTE_METHOD = "method";
    static final String NOTE_PICK = "pick";
    static final String NOTE_ENDED = "ended";
    /** The result read by the new-password step: the methods of the proofs passed. */
    static final String NOTE_PROVEN = "proven";

    static final String REASON_TOO_MANY_FAILURES = "too_many_failures";
    static final String REASON_USER_CHOICE = "user_choice";
    static final String REASON_LOCKED = "locked";

    static final String MSG_CODE_REQUIRED = PhoneCodeExchange.CODE_REQUIRED;
    static final String MSG_CODE_WRONG = PhoneCodeExchange.CODE_WRONG;
    static final String MSG_ANSWER_REQUIRED = "alacopResetAnswerRequired";
    static final String MSG_ANSWERS_WRONG = "alacopResetAnswersWrong";

    /** Longer input is refused without being looked at. */
    static final int MAX_CODE_LENGTH = PhoneCodeExchange.MAX_CODE_LENGTH;
    static final int MAX_ANSWER_LENGTH = 160;

    /** The questions a decoy draws from: the default list of the security-questions setup. */
    static final List<String> DECOY_QUESTION_IDS;

    static {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ids.add(String.format("q%02d", i));
        }
        DECOY_QUESTION_IDS = List.copyOf(ids);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The reset as this request sees it: real (an account that may be reset) or decoy. {@code phone} is the
     * candidate's verified phone (null for a decoy), {@code maskedNumber} what the page shows of it (a decoy's is
     * derived from the identifier).
     */
    private record Proofs(ResetSubject subject, UserModel account, UserModel candidate, List<ResetMethod> methods,
            List<String> questionIds, List<SecurityQuestionsCredentialModel.HashedAnswer> answers,
            PhoneCredentialModel phone, String maskedNumber, boolean prefersVoice) {
        boolean real() {
            return candidate != null;
        }
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Proofs proofs = open(context);
        if (proofs == null) {
            return;
        }
        LoginFormsProvider form = context.form();
        ResetMethod method = current(context, proofs);
        // A refresh shows the page again; a code goes out only the first time the phone is chosen.
        if (method.isPhone() && !phone(context, proofs).sentOnce()) {
            send(context, proofs, method, form);
        }
        context.challenge(proofPage(context, proofs, false, form));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Proofs proofs = open(context);
        if (proofs == null) {
            return;
        }
        ResetNotes notes = ResetNotes.of(context);
        if (!proofs.real() && decoyLocked(context, proofs)) {
            // Where a real account would now be locked (or is: a locked account's reset is a decoy).
            end(context, proofs, REASON_TOO_MANY_FAILURES);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst(FIELD_ACTION);
        if (ACTION_HELP_DESK.equals(action)) {
            end(context, proofs, REASON_USER_CHOICE);
        } else if (ACTION_OTHER_WAYS.equals(action)) {
            context.challenge(proofPage(context, proofs, true, context.form()));
        } else if (action != null && action.startsWith(ACTION_WAY)) {
            ResetMethod chosen = ResetMethod.parse(action.substring(ACTION_WAY.length()));
            LoginFormsProvider page = context.form();
            if (chosen != null && offerable(context, proofs).contains(chosen)) {
                notes.set(NOTE_METHOD, chosen.value());
                notes.remove(NOTE_PICK);
                if (chosen.isPhone()) {
                    send(context, proofs, chosen, page);
                }
            }
            context.challenge(proofPage(context, proofs, false, page));
        } else if (ACTION_RESEND.equals(action) && current(context, proofs).isPhone()) {
            LoginFormsProvider page = context.form();
            send(context, proofs, current(context, proofs), page);
            context.challenge(proofPage(context, proofs, false, page));
        } else {
            verify(context, proofs, form);
        }
    }

    /**
     * Whom this request works for, or null when it has been answered already: the reset started over, the help-desk
     * ending reached before (shown again), or the account locked meanwhile (the help-desk ending).
     */
    private Proofs open(AuthenticationFlowContext context) {
        Proofs proofs = proofs(context);
        if (proofs == null) {
            return null;
        }
        if (ResetNotes.of(context).get(NOTE_ENDED) != null) {
            context.challenge(helpDeskPage(context, proofs));
            return null;
        }
        if (proofs.real() && ResetIdentifierAuthenticator.locked(context.getSession(), context.getRealm(), proofs.candidate())) {
            end(context, proofs, REASON_LOCKED);
            return null;
        }
        return proofs;
    }

    private void verify(AuthenticationFlowContext context, Proofs proofs, MultivaluedMap<String, String> form) {
        ResetNotes notes = ResetNotes.of(context);
        ResetMethod method = current(context, proofs);
        boolean valid;
        Message refusal = null;
        if (method == ResetMethod.APP) {
            String code = form.getFirst(FIELD_CODE) == null ? "" : form.getFirst(FIELD_CODE).strip().replace(" ", "");
            if (code.isEmpty()) {
                error(context, proofs, FIELD_CODE, MSG_CODE_REQUIRED);
                return;
            }
            valid = proofs.real() && code.length() <= MAX_CODE_LENGTH && validApp(proofs.candidate(), code);
        } else if (method.isPhone()) {
            Checked checked = phone(context, proofs).check(form.getFirst(FIELD_CODE));
            if (checked.outcome() == Outcome.MISSING) {
                error(context, proofs, FIELD_CODE, MSG_CODE_REQUIRED);
                return;
            }
            valid = checked.accepted();
            refusal = checked.message();
        } else {
            List<Integer> pick = pick(context, proofs);
            List<String> typed = new ArrayList<>();
            for (int i = 1; i <= pick.size(); i++) {
                String answer = form.getFirst(FIELD_ANSWER + i);
                if (answer == null || answer.isBlank()) {
                    error(context, proofs, FIELD_ANSWER + i, MSG_ANSWER_REQUIRED);
                    return;
                }
                typed.add(answer);
            }
            valid = answersRight(context, proofs, pick, typed);
        }
        if (!valid) {
            ResetEvents.event(context, proofs.subject(), proofs.account()).detail(ResetEvents.METHOD, method.value())
                    .detail(ResetEvents.STEP, "proof_failed").detail(Details.CREDENTIAL_TYPE, credentialType(method))
                    .error(ResetEvents.ERROR_PROOF_FAILED);
            if (context.getRealm().isBruteForceProtected()) {
                // Counted for real accounts too, so that a decoy's count matches what a later reset of the same
                // identifier sees (a locked account's reset is a decoy).
                DecoyLockout.of(context.getSession(), context.getRealm(), proofs.subject().display())
                        .failed(Time.currentTimeMillis());
            }
            LoginFormsProvider page = context.form();
            if (method == ResetMethod.QUESTIONS) {
                // A wrong try starts over with other questions.
                newPick(context, proofs);
                page.setError(MSG_ANSWERS_WRONG);
            } else {
                Message message = refusal == null ? Message.of(MSG_CODE_WRONG) : refusal;
                page.addError(new FormMessage(FIELD_CODE, message.key(), message.parameterArray()));
            }
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, proofPage(context, proofs, false, page));
            return;
        }
        List<ResetMethod> passed = passed(notes);
        passed.add(method);
        notes.set(NOTE_PASSED, write(passed));
        notes.remove(NOTE_METHOD, NOTE_PICK);
        if (method.isPhone()) {
            phone(context, proofs).finish();
        }
        ResetEvents.event(context, proofs.subject(), proofs.account()).detail(ResetEvents.METHOD, method.value())
                .detail(ResetEvents.STEP, ResetEvents.PROOF_PASSED).success();
        ResetProofsConfig config = ResetProofsConfig.of(context.getAuthenticatorConfig());
        if (config.plan().complete(passed)) {
            DecoyLockout.of(context.getSession(), context.getRealm(), proofs.subject().display()).clear();
            notes.remove(NOTE_PASSED);
            phone(context, proofs).clear();
            notes.set(NOTE_PROVEN, write(passed));
            context.success();
            return;
        }
        LoginFormsProvider page = context.form().setSuccess("alacopResetProofAccepted");
        ResetMethod next = current(context, proofs);
        if (next.isPhone() && !phone(context, proofs).sentOnce()) {
            // The next proof is the phone: its code goes out now, as when the page first shows it.
            send(context, proofs, next, page);
        }
        context.challenge(proofPage(context, proofs, false, page));
    }

    private void error(AuthenticationFlowContext context, Proofs proofs, String field, String message) {
        context.challenge(proofPage(context, proofs, false, context.form().addError(new FormMessage(field, message))));
    }

    /** Keycloak's own OTP validation: the realm's OTP policy and its refusal of a code used before. */
    private static boolean validApp(UserModel user, String code) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .anyMatch(credential -> user.credentialManager().isValid(
                        new UserCredentialModel(credential.getId(), OTPCredentialModel.TYPE, code)));
    }

    /** Every asked answer is checked (no early exit), so a wrong first answer costs as much as a right one. */
    private static boolean answersRight(AuthenticationFlowContext context, Proofs proofs, List<Integer> pick, List<String> typed) {
        boolean all = true;
        for (int i = 0; i < pick.size(); i++) {
            String answer = typed.get(i);
            if (!proofs.real() || answer.length() > MAX_ANSWER_LENGTH) {
                AuthenticatorUtils.dummyHash(context);
                all = false;
                continue;
            }
            all &= verifyAnswer(context.getSession(), context.getRealm(), proofs.answers().get(pick.get(i)), answer);
        }
        return all;
    }

    /**
     * The stored hash is verified with the hash provider that made it (as Keycloak verifies passwords), so answers
     * saved before a change of the realm's hash algorithm still count.
     */
    static boolean verifyAnswer(KeycloakSession session, RealmModel realm, SecurityQuestionsCredentialModel.HashedAnswer stored,
            String typed) {
        try {
            CredentialModel model = new CredentialModel();
            model.setType(PasswordCredentialModel.TYPE);
            model.setCredentialData(stored.credentialData());
            model.setSecretData(stored.secretData());
            PasswordCredentialModel hashed = PasswordCredentialModel.createFromCredentialModel(model);
            String algorithm = hashed.getPasswordCredentialData().getAlgorithm();
            PasswordHashProvider provider = algorithm == null ? null : session.getProvider(PasswordHashProvider.class, algorithm);
            if (provider == null) {
                return new AnswerHasher(session, realm).verify(typed, stored);
            }
            return provider.verify(Answers.normalize(typed), hashed);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Shows the help-desk ending; from now on every request of this step shows it again. */
    private void end(AuthenticationFlowContext context, Proofs proofs, String reason) {
        ResetNotes notes = ResetNotes.of(context);
        notes.remove(NOTE_PASSED, NOTE_METHOD, NOTE_PICK);
        phone(context, proofs).clear();
        notes.set(NOTE_ENDED, reason);
        ResetEvents.event(context, proofs.subject(), proofs.account()).detail(ResetEvents.STEP, "help_desk")
                .detail(Details.REASON, reason).error(ResetEvents.ERROR_HELP_DESK);
        context.challenge(helpDeskPage(context, proofs));
    }

    private Response helpDeskPage(AuthenticationFlowContext context, Proofs proofs) {
        ResetProofsConfig config = ResetProofsConfig.of(context.getAuthenticatorConfig());
        return context.form().setAttribute(ATTRIBUTE, ResetPage.helpDesk(proofs.subject().display(), config.helpDeskText()))
                .createForm(HELP_DESK_TEMPLATE);
    }

    private Response proofPage(AuthenticationFlowContext context, Proofs proofs, boolean showOtherWays, LoginFormsProvider form) {
        ResetMethod method = current(context, proofs);
        List<String> asked = new ArrayList<>();
        if (method == ResetMethod.QUESTIONS) {
            for (int index : pick(context, proofs)) {
                asked.add(proofs.questionIds().get(index));
            }
        }
        List<ResetMethod> others = offerable(context, proofs).stream().filter(m -> m != method).toList();
        return form.setAttribute(ATTRIBUTE, ResetPage.proof(proofs.subject().display(), method, asked, others,
                        showOtherWays, proofs.maskedNumber()))
                .createForm(TEMPLATE);
    }

    /** The phone proof of this request: the shared exchange for a real candidate, a stand-in for a decoy. */
    private static ResetPhone phone(AuthenticationFlowContext context, Proofs proofs) {
        return proofs.real() && proofs.phone() != null
                ? ResetPhone.real(context, proofs.candidate(), proofs.phone())
                : ResetPhone.decoy(context, proofs.maskedNumber());
    }

    private static void send(AuthenticationFlowContext context, Proofs proofs, ResetMethod method, LoginFormsProvider form) {
        PhoneCodeExchange.Sent sent = phone(context, proofs).send(method.channel());
        if (sent.failed()) {
            form.setError(sent.message().key(), sent.message().parameterArray());
        } else if (sent.worthNotice()) {
            form.setSuccess(sent.message().key(), sent.message().parameterArray());
        }
    }

    private static List<ResetMethod> offerable(AuthenticationFlowContext context, Proofs proofs) {
        ResetPlan plan = ResetProofsConfig.of(context.getAuthenticatorConfig()).plan();
        List<ResetMethod> offerable = plan.offerable(proofs.methods(), passed(ResetNotes.of(context)));
        return offerable.isEmpty() ? List.of(proofs.methods().get(0)) : offerable;
    }

    /** The method of the page: the one chosen, if still offerable; else the first offerable (a code first). */
    private static ResetMethod current(AuthenticationFlowContext context, Proofs proofs) {
        ResetNotes notes = ResetNotes.of(context);
        List<ResetMethod> offerable = offerable(context, proofs);
        ResetMethod chosen = ResetMethod.parse(notes.get(NOTE_METHOD));
        if (chosen != null && offerable.contains(chosen)) {
            return chosen;
        }
        ResetMethod first = offerable.get(0);
        if (first == ResetMethod.TEXT && proofs.prefersVoice() && offerable.contains(ResetMethod.VOICE)) {
            // The phone's own preference, as at sign-in.
            first = ResetMethod.VOICE;
        }
        notes.set(NOTE_METHOD, first.value());
        notes.remove(NOTE_PICK);
        return first;
    }

    /** The questions asked now: kept until the next try, so a refresh does not draw other questions. */
    private static List<Integer> pick(AuthenticationFlowContext context, Proofs proofs) {
        List<Integer> pick = QuestionPick.read(ResetNotes.of(context).get(NOTE_PICK), proofs.questionIds().size());
        int asked = Math.min(ResetProofsConfig.of(context.getAuthenticatorConfig()).questionsAsked(), proofs.questionIds().size());
        return pick.size() == asked ? pick : newPick(context, proofs);
    }

    private static List<Integer> newPick(AuthenticationFlowContext context, Proofs proofs) {
        ResetNotes notes = ResetNotes.of(context);
        int asked = ResetProofsConfig.of(context.getAuthenticatorConfig()).questionsAsked();
        List<Integer> previous = QuestionPick.read(notes.get(NOTE_PICK), proofs.questionIds().size());
        List<Integer> pick = QuestionPick.pick(proofs.questionIds().size(), asked, previous, RANDOM);
        notes.set(NOTE_PICK, QuestionPick.write(pick));
        return pick;
    }

    /**
     * Whom this step works for. Only what the identifier step of this same flow recorded after succeeding in this
     * authentication session counts; without it (a restart, another flow's note) the reset starts over.
     */
    private static Proofs proofs(AuthenticationFlowContext context) {
        Optional<ResetSubject> found = ResetNotes.ofEarlierStep(context, ResetIdentifierAuthenticatorFactory.PROVIDER_ID)
                .flatMap(notes -> ResetSubject.read(notes.get(ResetSubject.NOTE)));
        if (found.isEmpty()) {
            context.resetFlow();
            return null;
        }
        ResetSubject subject = found.get();
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        ResetProofsConfig config = ResetProofsConfig.of(context.getAuthenticatorConfig());
        UserModel account = subject.user(session, realm).orElse(null);
        if (account != null && account.isEnabled()) {
            SecurityQuestionsCredentialModel questions = questions(account, config.questionsAsked());
            PhoneCredentialModel phone = PhoneCredentialProvider.of(account);
            Set<ResetMethod> enrolled = EnumSet.noneOf(ResetMethod.class);
            if (account.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE).findAny().isPresent()) {
                enrolled.add(ResetMethod.APP);
            }
            if (phone != null) {
                enrolled.add(ResetMethod.TEXT);
                enrolled.add(ResetMethod.VOICE);
            }
            if (questions != null) {
                enrolled.add(ResetMethod.QUESTIONS);
            }
            List<ResetMethod> usable = config.plan().usable(enrolled);
            if (config.plan().eligible(usable)) {
                return new Proofs(subject, account, account, usable,
                        questions == null ? List.of() : questions.questionIds(),
                        questions == null ? List.of() : questions.hashedAnswers(),
                        phone, phone == null ? null : phone.maskedNumber(),
                        phone != null && phone.channel() == Channel.VOICE);
            }
        }
        String display = subject.display();
        List<ResetMethod> decoy = config.plan().decoy(ResetKeyedHash.seed(session, realm, "reset-methods", display));
        List<String> decoyQuestions = QuestionPick.decoyQuestions(DECOY_QUESTION_IDS, 5,
                ResetKeyedHash.seed(session, realm, "reset-questions", display));
        long phoneSeed = ResetKeyedHash.seed(session, realm, "reset-phone", display);
        // A decoy phone: its last digits, and whether it prefers calls (as one officer in four does, say).
        return new Proofs(subject, account, null, decoy, decoyQuestions, List.of(), null,
                PhoneMask.mask(String.format("+1205555%04d", Math.floorMod(phoneSeed, 10_000L))),
                Math.floorMod(phoneSeed >>> 32, 4L) == 0);
    }

    /** The officer's security questions, if they are complete enough to ask {@code asked} of them. */
    private static SecurityQuestionsCredentialModel questions(UserModel user, int asked) {
        return user.credentialManager().getStoredCredentialsByTypeStream(SecurityQuestionsCredentialModel.TYPE)
                .map(stored -> {
                    try {
                        return SecurityQuestionsCredentialModel.createFromCredentialModel(stored);
                    } catch (RuntimeException unreadable) {
                        return null;
                    }
                })
                .filter(q -> q != null && q.questionIds().size() >= asked
                        && q.questionIds().size() == q.hashedAnswers().size())
                .findFirst().orElse(null);
    }

    /**
     * A decoy is locked where a real account would be: after the failed proofs of resets of the same identifier,
     * across sessions and nodes ({@link DecoyLockout}). A locked account's reset is a decoy and reads like an unknown
     * identifier's: refusals, then the help desk where Keycloak would lock.
     */
    private static boolean decoyLocked(AuthenticationFlowContext context, Proofs proofs) {
        RealmModel realm = context.getRealm();
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        return DecoyLockout.of(context.getSession(), realm, proofs.subject().display()).locked(Time.currentTimeMillis());
    }

    static List<ResetMethod> passed(ResetNotes notes) {
        return read(notes.get(NOTE_PASSED));
    }

    static List<ResetMethod> read(String note) {
        List<ResetMethod> methods = new ArrayList<>();
        if (note != null) {
            for (String part : note.split(",")) {
                ResetMethod method = ResetMethod.parse(part);
                if (method != null && !methods.contains(method)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    static String write(List<ResetMethod> methods) {
        return String.join(",", methods.stream().map(ResetMethod::value).toList());
    }

    private static String credentialType(ResetMethod method) {
        return switch (method.factor()) {
            case APP -> OTPCredentialModel.TYPE;
            case PHONE -> PhoneCredentialModel.TYPE;
            case QUESTIONS -> SecurityQuestionsCredentialModel.TYPE;
        };
    }
}
