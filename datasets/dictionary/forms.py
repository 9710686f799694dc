from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from datasets.models import DictionaryTable, Variable
from themes.models import Theme

from . import formats


class DictionaryUploadForm(forms.Form):
    file = forms.FileField(
        label="Data dictionary file",
        allow_empty_file=True,
        help_text="CSV (one row per variable), HDR UK structural metadata (JSON) or DDI-Codebook 2.5 (XML).",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.json,.xml,text/csv,application/json,text/xml"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"This file is {filesizeformat(upload.size)}; the most an import takes is "
                f"{filesizeformat(limit)}. Split it into smaller files, by table or sweep."
            )
        try:
            self.cleaned_data["format"], self.cleaned_data["rows"] = formats.read(upload.read(), upload.name)
        except formats.FileProblem as problem:
            raise forms.ValidationError(problem.messages) from None
        return upload


class TableForm(forms.ModelForm):
    """A table's own name and description; its address (slug) stays, so links to its variables keep working."""

    class Meta:
        model = DictionaryTable
        fields = ["name", "description"]
        labels = {"name": "Name of the table, module or sweep"}
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = DictionaryTable.objects.filter(dataset_id=self.instance.dataset_id, name=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"This dataset already has a table called “{name}”.")
        return name


class VariableForm(forms.ModelForm):
    table_name = forms.CharField(
        label="Table, module or sweep",
        max_length=200,
        initial="Variables",
        help_text="A new name starts a new table.",
    )

    class Meta:
        model = Variable
        fields = [
            "name",
            "label",
            "description",
            "value_type",
            "unit",
            "values",
            "topic",
            "theme",
            "ages",
            "waves",
            "coverage_notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "values": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, dataset, **kwargs):
        super().__init__(*args, **kwargs)
        self.dataset = dataset
        self.fields["theme"].queryset = Theme.objects.published()
        self.fields["theme"].empty_label = "No theme"
        if self.instance.pk:
            self.fields["table_name"].initial = self.instance.table.name
        self.order_fields(["table_name", *self.Meta.fields])

    def clean(self):
        cleaned = super().clean()
        name, table_name = cleaned.get("name"), cleaned.get("table_name")
        if name and table_name:
            clash = Variable.objects.filter(dataset=self.dataset, table__name=table_name, name=name)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("name", f"“{table_name}” already has a variable called {name}.")
        return cleaned

    def save(self, commit: bool = True) -> Variable:
        from .importer import free_slug

        table = DictionaryTable.objects.filter(
            dataset=self.dataset, name=self.cleaned_data["table_name"]
        ).first()
        if table is None:
            taken = set(DictionaryTable.objects.filter(dataset=self.dataset).values_list("slug", flat=True))
            table = DictionaryTable.objects.create(
                dataset=self.dataset,
                name=self.cleaned_data["table_name"],
                slug=free_slug(self.cleaned_data["table_name"], taken),
                position=len(taken),
            )
        variable = super().save(commit=False)
        moved_from = variable.table_id if variable.pk and variable.table_id != table.pk else None
        variable.dataset, variable.table = self.dataset, table
        if variable.pk is None or moved_from:
            variable.position = Variable.objects.filter(table=table).count()
        variable.save()
        # A table left with no variables is no table.
        DictionaryTable.objects.filter(pk=moved_from, variables__isnull=True).delete()
        return variable
