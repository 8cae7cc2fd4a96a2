// The Security page: once django-otp-webauthn's script has registered a passkey, show the page
// again so that the new passkey is in the list (the package only says "Registration successful").
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
