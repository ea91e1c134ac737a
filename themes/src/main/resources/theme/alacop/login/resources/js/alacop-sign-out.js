// "Please wait while we sign you out": loads the applications' front-channel sign-out frames, and once they have
// all answered (or after at most 10 seconds) continues to the application's registered address, or shows
// "You signed out of your account" in place.
const MAX_WAIT_MS = 10000;
const progress = document.getElementById("alacop-sign-out-progress");
const frames = document.getElementById("alacop-front-channel-frames");
let finished = false;

function finish() {
    if (finished) {
        return;
    }
    finished = true;
    const continueUrl = progress.dataset.continueUrl;
    if (continueUrl) {
        window.location.replace(continueUrl);
        return;
    }
    document.getElementById("alacop-signing-out").hidden = true;
    document.getElementById("alacop-signing-out-title").hidden = true;
    document.getElementById("alacop-signed-out-title").hidden = false;
    document.getElementById("alacop-signed-out").hidden = false;
    document.title = progress.dataset.signedOutTitle;
    document.getElementById("kc-page-title").focus();
}

function start() {
    const templates = frames ? Array.from(frames.content.querySelectorAll("iframe")) : [];
    if (templates.length === 0) {
        finish();
        return;
    }
    let pending = templates.length;
    const answered = () => {
        pending -= 1;
        if (pending === 0) {
            finish();
        }
    };
    setTimeout(finish, MAX_WAIT_MS);
    for (const template of templates) {
        const frame = document.importNode(template, true);
        frame.addEventListener("load", answered, { once: true });
        frame.addEventListener("error", answered, { once: true });
        document.body.appendChild(frame);
    }
}

if (progress) {
    if (document.readyState === "complete") {
        start();
    } else {
        window.addEventListener("load", start);
    }
}
