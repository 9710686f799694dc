from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from .models import PendingImport
from .reading import FileProblem, decode, read_table


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label="What the file lists", choices=PendingImport.Kind.choices)
    file = forms.FileField(
        label="CSV file",
        # Our own message for an empty file, the same as for one holding only blank lines.
        allow_empty_file=True,
        help_text="A CSV file with a header row, as described below.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, kind = cleaned.get("file"), cleaned.get("kind")
        if upload is None or kind is None:
            return cleaned
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            self.add_error(
                "file",
                f"This file is {filesizeformat(upload.size)}; the most an import takes is "
                f"{filesizeformat(limit)}. Split it into smaller files.",
            )
            return cleaned
        try:
            text, encoding = decode(upload.read())
            read_table(text, kind)
        except FileProblem as problem:
            self.add_error("file", problem.messages)
            return cleaned
        cleaned["text"], cleaned["encoding"] = text, encoding
        return cleaned
