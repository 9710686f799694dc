from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError


class EmailSignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account. Check both and try again.",
    }


def site_url(request) -> str:
    """The portal's address as the request reached it, for links in the emails a worker sends."""
    return request.build_absolute_uri("/").rstrip("/")


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset form, whose email a worker sends (accounts/tasks.py): the request never
    looks the address up, so it takes as long for an address with an account as for one without."""

    def save(self, request=None, **options) -> None:
        from .tasks import send_password_reset

        send_password_reset.enqueue(email=self.cleaned_data["email"], site_url=site_url(request))


class SignUpForm(forms.Form):
    name = forms.CharField(
        label="Your name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We send a link to this address: your account works once you have followed it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 8 characters, not a common password and not all numbers.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    # A honeypot: hidden from people (and from screen readers), so only a script filling in every box
    # fills it in. Such a sign-up is answered as any other, and nothing is done.
    website = forms.CharField(
        label="Leave this empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter your name."
        self.fields["email"].error_messages["required"] = "Enter your email address."
        self.fields["password"].error_messages["required"] = "Choose a password."

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def clean(self):
        cleaned = super().clean()
        password, email = cleaned.get("password"), cleaned.get("email")
        if password and email:
            unsaved = get_user_model()(email=email, first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(password, unsaved)
            except ValidationError as problems:
                self.add_error("password", problems)
        return cleaned

    @property
    def is_from_a_script(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class PasswordConfirmedForm(forms.Form):
    """A form that asks for the signed-in person's password, so nobody else at their computer can use it."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("That is not your password. Check it and try again.")
        return password


class EmailChangeForm(PasswordConfirmedForm):
    email = forms.EmailField(
        label="New email address",
        max_length=254,
        help_text="We send a link to it; your account keeps its old address until you follow the link.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    field_order = ["email", "password"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email.casefold() == self.user.email.casefold():
            raise ValidationError("That is your address already.")
        return email


class CloseAccountForm(PasswordConfirmedForm):
    understood = forms.BooleanField(
        label="I understand that I will be signed out and cannot sign in again",
        error_messages={"required": "Tick the box to confirm you want to close your account."},
    )


class ClaimForm(forms.Form):
    message = forms.CharField(
        label="How can the people who look after this profile tell it is yours? (optional)",
        required=False,
        max_length=2000,
        help_text="For example your role, or an address at your organisation they know.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
