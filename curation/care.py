"""What the people who look after one entry are shown about it (the _entry_care include)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.urls import reverse

from editing.kinds import kind_of

from .completeness import recommended_for, split_missing, with_completeness
from .freshness import needs_review
from .models import LinkUse


def care_of(entry: Model) -> dict:
    """Completeness, freshness and broken links of `entry`: two queries (one for completeness, one
    for broken links), plus one the first time the process meets this kind's content type."""
    care = {
        "completeness": None,
        "missing": [],
        "missing_fields": [],
        "needs_review": needs_review(entry),
        "review_url": reverse("curation:reviewed", args=[kind_of(entry), entry.slug]),
    }
    if recommended_for(type(entry)):
        scored = with_completeness(type(entry).objects.filter(pk=entry.pk)).values("completeness", "missing")
        row = scored.first() or {"completeness": 0, "missing": ""}
        care["completeness"] = row["completeness"]
        care["missing"] = split_missing(row["missing"])
        # Each with the editing form's field it is about, for a link to the box (#id_<field>).
        fields = {recommended.label: recommended.field for recommended in recommended_for(type(entry))}
        care["missing_fields"] = [(label, fields.get(label, "")) for label in care["missing"]]
    care["broken"] = list(
        LinkUse.objects.filter(
            content_type=ContentType.objects.get_for_model(entry),
            object_id=entry.pk,
            link__is_broken=True,
        )
        .select_related("link")
        .order_by("field")
    )
    return care
