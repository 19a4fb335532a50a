from __future__ import annotations

from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from claims.api.serializers import (
    ArticleAcceptedSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ClaimSerializer,
    FactSerializer,
    VerdictSerializer,
)
from claims.models import Claim, Fact
from claims.selectors import (
    CLAIM_FILTERS,
    FACT_FILTERS,
    article_detail_queryset,
    claim_list,
    fact_list,
    facts_attach_claims,
)
from claims.services.articles import article_submit
from claims.services.reviews import claim_set_verdict


class ArticleViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Submit an article (202, processed in the background) and follow its state and claims."""

    serializer_class = ArticleSerializer

    def get_queryset(self):
        return article_detail_queryset()

    def get_serializer_class(self):
        return ArticleSubmitSerializer if self.action == "create" else ArticleSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article, created = article_submit(**serializer.validated_data, submitted_by=request.user)
        if created:
            return Response(ArticleAcceptedSerializer(article).data, status=status.HTTP_202_ACCEPTED)
        # The same text was submitted before: the stored article, as it stands now.
        return Response(ArticleSerializer(article_detail_queryset().get(pk=article.pk)).data, status=status.HTTP_200_OK)


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims with their status and findings.

    Filter with ?status=&predicate=&language=&article=&fact_key=&min_confidence=.
    """

    serializer_class = ClaimSerializer

    def get_queryset(self):
        params = self.request.query_params
        bad = [
            name
            for name in ("status", "predicate")
            if params.get(name) and params[name] not in getattr(Claim, name.capitalize()).values
        ]
        if bad:
            raise ValidationError(
                {
                    name: [
                        f'"{params[name]}" is not a valid {name}; use one of '
                        f"{', '.join(getattr(Claim, name.capitalize()).values)}."
                    ]
                    for name in bad
                }
            )
        if params.get("article") and not params["article"].isdigit():
            raise ValidationError({"article": ["An article id is a whole number."]})
        if params.get("min_confidence"):
            _check_min_confidence(params["min_confidence"])
        return claim_list(filters={name: params.get(name, "") for name in CLAIM_FILTERS})

    @action(
        detail=True,
        methods=["post"],
        permission_classes=[permissions.IsAdminUser],
        serializer_class=VerdictSerializer,
    )
    def verdict(self, request, pk=None):
        """A reviewer's verdict (staff only): {"verdict": "verified" | "refuted" | "unverifiable", "note"}."""
        claim = self.get_object()
        serializer = VerdictSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        claim_set_verdict(claim=claim, reviewer=request.user, **serializer.validated_data)
        claim = claim_list(filters={}).get(pk=claim.pk)
        return Response(ClaimSerializer(claim).data)


def _check_min_confidence(raw: str) -> None:
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(
            {"min_confidence": [f'"{raw}" is not a number; use a number from 0 to 1, such as 0.8.']}
        ) from None
    # float() also reads "nan" and "inf": neither is a confidence.
    if not 0 <= value <= 1:
        raise ValidationError({"min_confidence": [f"{raw} is out of range; use a number from 0 to 1, such as 0.8."]})


class FactViewSet(viewsets.ReadOnlyModelViewSet):
    """One row per fact: its consensus value, the independent sources for and against, and its claims.

    Filter with ?predicate=&subject=&basis=&key=.
    """

    serializer_class = FactSerializer
    lookup_field = "key"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        params = self.request.query_params
        if params.get("predicate") and params["predicate"] not in Claim.Predicate.values:
            raise ValidationError({"predicate": [f'"{params["predicate"]}" is not a valid predicate.']})
        if params.get("basis") and params["basis"] not in Fact.Basis.values:
            raise ValidationError({"basis": ["Use verified or sources."]})
        return fact_list(filters={name: params.get(name, "") for name in FACT_FILTERS})

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return facts_attach_claims(page) if page is not None else None

    def get_object(self):
        return facts_attach_claims([super().get_object()])[0]
