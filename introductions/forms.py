from django import forms

from .validators import single_line

MESSAGE_MAX_LENGTH = 2000
# The field robots fill in and people never see (see _form.html); its name looks worth filling.
HONEYPOT_FIELD = "website"


class IntroductionForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=200, validators=[single_line])
    organisation = forms.CharField(
        label="Your organisation", max_length=200, required=False, validators=[single_line]
    )
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="So they can reply to you. They see it; you do not see theirs.",
        validators=[single_line],
    )
    message = forms.CharField(
        label="Your message",
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Who you are and why you would like to be introduced. At most {MESSAGE_MAX_LENGTH} characters.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Please give your name."
        self.fields["email"].error_messages["required"] = "Please give your email address, so they can reply."
        self.fields["email"].error_messages["invalid"] = "Please give an email address like name@example.org."
        self.fields["message"].error_messages["required"] = "Please write a message."
        self.fields["message"].error_messages["max_length"] = (
            f"Please shorten your message to {MESSAGE_MAX_LENGTH} characters or fewer "
            "(it has %(show_value)d)."
        )

    def clean_email(self) -> str:
        # Lower case, so that the rate limit counts Ada@x.org and ada@x.org as one sender.
        return self.cleaned_data["email"].lower()


def is_robot(data) -> bool:
    """Whether the hidden field people never see was filled in."""
    return bool(data.get(HONEYPOT_FIELD, "").strip())
