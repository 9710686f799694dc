from django import forms
from django.core.validators import MaxLengthValidator

from introductions.validators import single_line

from .models import ContactMessage

MESSAGE_MAX_LENGTH = 3000
# The field robots fill in and people never see; its name looks worth filling.
HONEYPOT_FIELD = "website"


def no_nul(value: str) -> None:
    if "\x00" in value:
        raise forms.ValidationError("Please remove the unusual characters from your message.")


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["topic", "message", "page", "name", "email"]
        labels = {
            "topic": "What is it about?",
            "message": "Your message",
            "page": "The page it is about",
            "name": "Your name",
            "email": "Your email address",
        }
        help_texts = {
            "message": f"At most {MESSAGE_MAX_LENGTH} characters. Please do not include health or other "
            "sensitive details about yourself or anyone else.",
            "page": "Its address or title, if it is about one page.",
            "email": "Only if you would like an answer. We use it only to reply.",
        }
        widgets = {"topic": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="contact-%s", **kwargs)
        self.fields["message"].validators += [MaxLengthValidator(MESSAGE_MAX_LENGTH), no_nul]
        self.fields["message"].widget.attrs["maxlength"] = str(MESSAGE_MAX_LENGTH)
        self.fields["message"].error_messages["required"] = "Please write your message."
        for name in ("name", "email", "page"):
            self.fields[name].validators.append(single_line)
        self.fields["email"].error_messages["invalid"] = "Please give an email address like name@example.org."
        self.fields["topic"].error_messages["invalid_choice"] = "Please choose one of the topics."

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()


def is_robot(data) -> bool:
    return bool(data.get(HONEYPOT_FIELD, "").strip())
