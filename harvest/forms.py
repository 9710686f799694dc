from django import forms
from django.core.exceptions import ValidationError

from core.identifiers import normalise_orcid, validate_orcid
from transfer.reading import FileProblem

from . import documents
from .models import Source


class HarvestForm(forms.Form):
    """A CKAN API response or a DCAT catalogue, uploaded or pasted; checked as a whole before any preview."""

    kind = forms.ChoiceField(
        label="What the document is",
        choices=[
            (documents.AUTO, "Work it out from the content"),
            (Source.CKAN, "CKAN API response (package_search or package_show JSON)"),
            (Source.DCAT, "DCAT catalogue (Turtle or JSON-LD)"),
        ],
        initial=documents.AUTO,
    )
    file = forms.FileField(
        label="File",
        required=False,
        allow_empty_file=True,
        help_text="A .json, .jsonld or .ttl file. Or paste the document below instead.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,.jsonld,.ttl,application/json,application/ld+json,text/turtle"}
        ),
    )
    text = forms.CharField(
        label="Or paste the document",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, pasted, kind = cleaned.get("file"), cleaned.get("text") or "", cleaned.get("kind")
        if upload and pasted.strip():
            raise ValidationError("Give a file or paste a document, not both.")
        if not upload and not pasted.strip():
            self.add_error("file", "Choose a file, or paste the document into the box below.")
            return cleaned
        if kind is None:
            return cleaned
        where = "file" if upload else "text"
        try:
            if upload:
                documents.check_size(upload.size)
                text, name = documents.decode(upload.read()), upload.name
            else:
                documents.check_size(len(pasted.encode()))
                text, name = pasted, "pasted text"
            source = documents.detect(text, kind)
            documents.read(text, source)
        except FileProblem as problem:
            self.add_error(where, problem.messages)
            return cleaned
        cleaned.update(document=text, source=source, source_name=name[:255])
        return cleaned


class OrcidForm(forms.Form):
    orcid = forms.CharField(
        label="ORCID iD",
        help_text="E.g. 0000-0002-1825-0097 or https://orcid.org/0000-0002-1825-0097.",
        max_length=60,
    )
    record = forms.CharField(
        label="The ORCID record (JSON)",
        required=False,
        strip=False,
        help_text="Open https://pub.orcid.org/v3.0/&lt;iD&gt;/record in a browser, asking for JSON, "
        "and paste the whole answer here.",
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )

    def __init__(self, *args, fetching: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fetching = fetching
        if fetching:
            self.fields["record"].help_text = "Leave blank to fetch the record from ORCID now."

    def clean_orcid(self) -> str:
        orcid = normalise_orcid(self.cleaned_data["orcid"])
        validate_orcid(orcid)
        return orcid

    def clean_record(self) -> str:
        record = self.cleaned_data.get("record") or ""
        if not self.fetching and not record.strip():
            raise ValidationError("Fetching from ORCID is switched off on this site: paste the record.")
        return record
