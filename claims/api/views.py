from __future__ import annotations

from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from claims.api.serializers import (
    ArticleAcceptedSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ClaimSerializer,
)
from claims.models import Claim
from claims.selectors import CLAIM_FILTERS, article_detail_queryset, claim_list
from claims.services.articles import article_submit


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
    """Claims with their status and findings; filter with ?status=&predicate=&language=&article=&fact_key=."""

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
        return claim_list(filters={name: params.get(name, "") for name in CLAIM_FILTERS})
