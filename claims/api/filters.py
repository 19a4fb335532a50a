"""Query parameters of the lists, with errors that name the parameter and say what it takes.

Every value is checked before it reaches the database: an id that is not a whole
number in the database's range, a confidence outside [0, 1], a status that does
not exist are 400s, never a 500 from an overflow or a cast.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from claims.models import Article, Claim, Entity, Fact, Language, normalize_name

MAX_ID = 2**63 - 1  # a bigint primary key


class IdField(forms.Field):
    def __init__(self, *args, noun: str = "id", **kwargs):
        self.noun = noun
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # str.isdigit() is also true of "²" and other digits int() cannot read.
        if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_ID:
            raise forms.ValidationError(f"An {self.noun} is a whole number from 1 to {MAX_ID}.")
        return int(value)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.Filter):
    field_class = IdField


class ConfidenceField(forms.Field):
    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = float(value)
        except ValueError:
            raise forms.ValidationError(
                '"%(value)s" is not a number; use a number from 0 to 1, such as 0.8.', params={"value": value}
            ) from None
        if not 0 <= number <= 1:  # also refuses nan and inf, which float() reads
            raise forms.ValidationError(
                "%(value)s is out of range; use a number from 0 to 1, such as 0.8.", params={"value": value}
            )
        return number


@extend_schema_field({"type": "number", "minimum": 0, "maximum": 1})
class ConfidenceFilter(django_filters.Filter):
    field_class = ConfidenceField


class StrictBooleanField(forms.Field):
    """true/false (or 1/0); anything else is an error, not silently "no filter" as in django-filter."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        lowered = value.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        raise forms.ValidationError("Use true or false.")


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


def choice_filter(choices, noun: str, **kwargs) -> django_filters.ChoiceFilter:
    values = [value for value, _ in choices]
    return django_filters.ChoiceFilter(
        choices=choices,
        error_messages={"invalid_choice": f'"%(value)s" is not a valid {noun}; use one of {", ".join(values)}.'},
        **kwargs,
    )


def _entities_named(name: str):
    """Entities called `name` by their canonical name or any alias, in any case."""
    return Entity.objects.filter(Q(name__iexact=name) | Q(aliases__normalized=normalize_name(name))).values("pk")


class ClaimFilter(django_filters.FilterSet):
    status = choice_filter(Claim.Status.choices, "status")
    predicate = choice_filter(Claim.Predicate.choices, "predicate")
    language = choice_filter(Language.choices, "language", field_name="article__language")
    article = IdFilter(field_name="article_id", noun="article id")
    fact_key = django_filters.CharFilter(field_name="fact_key")
    subject = django_filters.CharFilter(method="by_subject", help_text="The subject's name or one of its aliases.")
    object = django_filters.CharFilter(method="by_object", help_text="The object's name or one of its aliases.")
    # A claim without a confidence (null) is never at least anything: min_confidence leaves it out.
    min_confidence = ConfidenceFilter(field_name="confidence", lookup_expr="gte")

    class Meta:
        model = Claim
        fields = ["status", "predicate", "language", "article", "fact_key", "subject", "object", "min_confidence"]

    def by_subject(self, queryset, name, value):
        return queryset.filter(subject__in=_entities_named(value))

    def by_object(self, queryset, name, value):
        return queryset.filter(object__in=_entities_named(value))


class FactFilter(django_filters.FilterSet):
    predicate = choice_filter(Claim.Predicate.choices, "predicate")
    subject = django_filters.CharFilter(method="by_subject", help_text="The subject's name or one of its aliases.")
    object = django_filters.CharFilter(method="by_object", help_text="The object's name or one of its aliases.")
    basis = choice_filter(Fact.Basis.choices, "basis")
    unit = django_filters.CharFilter()
    period = choice_filter(Claim.Period.choices, "period")
    role = django_filters.CharFilter()
    time = django_filters.CharFilter(help_text="The time of the fact as the contract writes it: 2024, 2024-Q3 ...")
    key = django_filters.CharFilter()

    class Meta:
        model = Fact
        fields = ["predicate", "subject", "object", "basis", "unit", "period", "role", "time", "key"]

    def by_subject(self, queryset, name, value):
        return queryset.filter(subject__in=_entities_named(value))

    def by_object(self, queryset, name, value):
        return queryset.filter(object__in=_entities_named(value))


class ArticleFilter(django_filters.FilterSet):
    state = choice_filter(Article.State.choices, "state")
    language = choice_filter(Language.choices, "language")
    outlet = django_filters.CharFilter(help_text="The outlet: the URL's host, or the source name.")
    mine = StrictBooleanFilter(method="by_me", help_text="Only the articles you submitted.")

    class Meta:
        model = Article
        fields = ["state", "language", "outlet", "mine"]

    def by_me(self, queryset, name, value):
        if value is None:
            return queryset
        mine = Q(sightings__submitted_by=self.request.user) | Q(submitted_by=self.request.user)
        return queryset.filter(mine).distinct() if value else queryset.exclude(mine)
