from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from claims.api.filters import ArticleFilter, ClaimFilter, FactFilter
from claims.api.pagination import RecentlyUpdatedCursorPagination
from claims.api.problems import Conflict, PreconditionRequired
from claims.api.serializers import (
    ArticleAcceptedSerializer,
    ArticleListSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ClaimSerializer,
    FactSerializer,
    VerdictSerializer,
)
from claims.api.throttles import SubmitThrottle
from claims.models import ApiKey, Claim
from claims.selectors import (
    FACT_LIST_CLAIMS,
    article_detail_queryset,
    article_list,
    claim_list,
    claim_rows,
    claim_rows_with_findings,
    fact_list,
    fact_rows,
    facts_attach_claims,
)
from claims.services.articles import article_submit
from claims.services.claimreview import claim_review, reviewed_claims
from claims.services.reviews import NotAllowed, NoteRequired, ReviewRefused, claim_set_verdict


def _if_match(request) -> int | None:
    """The status_version in an If-Match header ("3", W/"3" or 3), or None."""
    raw = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 10:
        raise ValidationError({"If-Match": ['Give the claim\'s ETag, a status_version in quotes such as "3".']})
    return int(raw)


class ListFiltersOnly:
    """Filters narrow lists; one object is found by its id alone (no filter form built for it)."""

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset


@extend_schema_view(
    list=extend_schema(summary="Articles, newest first", responses={200: ArticleListSerializer}),
    retrieve=extend_schema(summary="One article with its claims", responses={200: ArticleSerializer}),
    create=extend_schema(
        summary="Submit an article",
        description=(
            "202 and the queued article when the text is new; 200 and the stored article when the same text "
            "was submitted before (your submission is recorded as another sighting, and a failed article is "
            "queued again)."
        ),
        request=ArticleSubmitSerializer,
        responses={202: ArticleAcceptedSerializer, 200: ArticleSerializer},
        examples=[
            OpenApiExample(
                "An article in German",
                request_only=True,
                value={
                    "text": "Der Chiphersteller Tessaline hat 35 Prozent an Brightwave Robotics erworben.",
                    "source_name": "Rheinischer Kurier",
                    "url": "https://rheinischer-kurier.example/wirtschaft/brightwave",
                    "published": "2025-05-13",
                    "language": "de",
                },
            )
        ],
    ),
)
class ArticleViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Submit an article (202, processed in the background), list articles and follow one's state and claims."""

    filterset_class = ArticleFilter
    lookup_value_regex = "[0-9]+"
    required_scopes = {"create": ApiKey.Scope.SUBMIT}

    def get_queryset(self):
        return article_list() if self.action == "list" else article_detail_queryset()

    def get_serializer_class(self):
        if self.action == "create":
            return ArticleSubmitSerializer
        return ArticleListSerializer if self.action == "list" else ArticleSerializer

    def get_throttles(self):
        throttles = super().get_throttles()
        return [*throttles, SubmitThrottle()] if self.action == "create" else throttles

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article, created = article_submit(**serializer.validated_data, submitted_by=request.user)
        context = self.get_serializer_context()
        if created:
            return Response(ArticleAcceptedSerializer(article, context=context).data, status=status.HTTP_202_ACCEPTED)
        # The same text was submitted before: the stored article, as it stands now, in the submitter's attribution.
        stored = article_detail_queryset().get(pk=article.pk)
        return Response(ArticleSerializer(stored, context=context).data, status=status.HTTP_200_OK)


@extend_schema_view(
    list=extend_schema(summary="Claims, newest first", responses={200: ClaimSerializer}),
    retrieve=extend_schema(summary="One claim with its findings", responses={200: ClaimSerializer}),
)
class ClaimViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """Claims with their status and findings."""

    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    lookup_value_regex = "[0-9]+"
    required_scopes = {"verdict": ApiKey.Scope.REVIEW}

    def get_queryset(self):
        return claim_rows() if self.action == "list" else claim_list()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return claim_rows_with_findings(page) if page is not None else None

    def get_object(self):
        if self.action != "retrieve":  # a verdict needs the claim itself
            return super().get_object()
        row = claim_rows().filter(pk=self.kwargs["pk"]).first()
        if row is None:
            raise NotFound("No such claim.")
        return claim_rows_with_findings([row])[0]

    @extend_schema(
        summary="Give a verdict (reviewers)",
        description=(
            "Needs the give_verdict permission (the reviewers group) and, with an API key, the review scope. "
            'Say which version you decided on: expected_version in the body or If-Match: "<status_version>" '
            "(the claim's ETag). A stale version, a claim another reviewer has taken, or a verified value that "
            "disagrees with another verified claim of the fact is a 409 and changes nothing."
        ),
        request=VerdictSerializer,
        responses={200: ClaimSerializer},
    )
    @action(detail=True, methods=["post"], serializer_class=VerdictSerializer, filterset_class=None)
    def verdict(self, request, pk=None):
        claim = self.get_object()
        serializer = VerdictSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        given = serializer.validated_data
        expected = given.get("expected_version", _if_match(request))
        if expected is None:
            raise PreconditionRequired(
                'Send the status_version you decided on: "expected_version" in the body, or an If-Match header '
                f'with the claim\'s ETag (now "{claim.status_version}").'
            )
        try:
            claim_set_verdict(
                claim=claim,
                reviewer=request.user,
                verdict=given["verdict"],
                note=given["note"],
                expected_version=expected,
            )
        except NoteRequired as exc:
            raise ValidationError({"note": [str(exc)]}) from None
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from None
        except ReviewRefused as exc:
            raise Conflict(str(exc)) from None
        row = claim_rows_with_findings([claim_rows().get(pk=claim.pk)])[0]
        return Response(ClaimSerializer(row).data, headers={"ETag": f'"{row["status_version"]}"'})

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        # The version a verdict must be based on (If-Match).
        response["ETag"] = f'"{response.data["status_version"]}"'
        return response

    @extend_schema(
        summary="The claim's review as schema.org ClaimReview (JSON-LD)",
        description="Only for verified and refuted claims; others are 404. Embed it in your fact-check page.",
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def claimreview(self, request, pk=None):
        claim = get_object_or_404(reviewed_claims(Claim.objects.all()), pk=pk)
        return Response(claim_review(claim), content_type="application/ld+json")


@extend_schema_view(
    list=extend_schema(
        summary="Feed of ClaimReviews: every verified or refuted claim, most recently reviewed first",
        responses={200: OpenApiTypes.OBJECT},
    )
)
class ClaimReviewViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """schema.org ClaimReview JSON-LD of the reviewed claims, for publishers and fact-check aggregators."""

    pagination_class = RecentlyUpdatedCursorPagination
    filterset_class = None

    def get_queryset(self):
        return reviewed_claims(Claim.objects.all()).order_by("-updated_at", "-id")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([claim_review(claim) for claim in page])


@extend_schema_view(
    list=extend_schema(
        summary="Facts, most recently changed first",
        description=(
            "Address a fact by names: ?predicate=stake&subject=Meta&object=Scale AI. Each fact shows its first "
            f"{FACT_LIST_CLAIMS} claims here (claim_count says how many it has); the fact's own page shows all."
        ),
        responses={200: FactSerializer},
    ),
    retrieve=extend_schema(summary="One fact by its key", responses={200: FactSerializer}),
)
class FactViewSet(ListFiltersOnly, viewsets.ReadOnlyModelViewSet):
    """One row per fact: its consensus value, the independent sources for and against, and its claims."""

    serializer_class = FactSerializer
    filterset_class = FactFilter
    pagination_class = RecentlyUpdatedCursorPagination
    lookup_field = "key"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return fact_rows() if self.action == "list" else fact_list()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return facts_attach_claims(page, limit=FACT_LIST_CLAIMS) if page is not None else None

    def get_object(self):
        return facts_attach_claims([super().get_object()])[0]
