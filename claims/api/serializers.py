from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from claims.models import Article, Claim, Fact, Finding, Language, Sighting
from claims.selectors import CLAIM_SHOWN, FINDING_SHOWN


class StrictCharField(serializers.CharField):
    """A string field that refuses numbers and booleans instead of turning them into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictSerializer(serializers.Serializer):
    """Refuses unknown fields by name, so a typo is not silently ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                accepted = ", ".join(self.fields)
                raise serializers.ValidationError(
                    {name: [f"Unknown field. Accepted fields: {accepted}."] for name in unknown}
                )
        return super().to_internal_value(data)


class ArticleSubmitSerializer(StrictSerializer):
    """What a client sends to submit an article; unknown fields are refused by name."""

    # Not trimmed: claim spans are offsets into the text exactly as submitted.
    text = StrictCharField(trim_whitespace=False)
    source_name = StrictCharField(max_length=200)
    url = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None, input_formats=["iso-8601"])
    language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        allow_blank=True,
        default="",
        error_messages={
            "invalid_choice": f'"{{input}}" is not a supported language; use one of {", ".join(Language.values)}.'
        },
    )

    def validate_text(self, text: str) -> str:
        if not text.strip():
            raise serializers.ValidationError("The text is empty or only whitespace.")
        size = len(text.encode("utf-8"))
        limit = settings.FACTCHECK_MAX_ARTICLE_BYTES
        if size > limit:
            raise serializers.ValidationError(f"The text is {size:,} bytes long (UTF-8); the limit is {limit:,} bytes.")
        return text


def _when(moment) -> str | None:
    # DRF's DateTimeField output for UTC ("2026-12-07T05:41:07.013286Z"), without its per-value overhead.
    if moment is None:
        return None
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ("id", "kind", "other_claim", "independent", "explanation", "created_at")
        read_only_fields = fields

    def to_representation(self, finding):
        row = finding if isinstance(finding, dict) else _finding_row(finding)
        return {
            "id": row["id"],
            "kind": row["kind"],
            "other_claim": row["other_claim_id"],
            "independent": row["independent"],
            "explanation": row["explanation"],
            "created_at": _when(row["created_at"]),
        }


def _finding_row(finding: Finding) -> dict:
    """A Finding as the row selectors.claim_rows_with_findings gives, so one code path serialises both."""
    return {name: getattr(finding, name) for name in FINDING_SHOWN}


class ClaimSerializer(serializers.ModelSerializer):
    subject = serializers.CharField(source="subject.name", read_only=True)
    object = serializers.CharField(source="object.name", read_only=True, allow_null=True, default=None)
    span = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    language = serializers.CharField(source="article.language", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)

    class Meta:
        model = Claim
        fields = (
            "id",
            "article",
            "language",
            "predicate",
            "subject",
            "object",
            "value",
            "unit",
            "period",
            "time",
            "role",
            "qualifier",
            "modality",
            "confidence",
            "text",
            "span",
            "fact_key",
            "status",
            "status_version",
            "needs_review",
            "findings",
            "created_at",
        )
        read_only_fields = fields

    def to_representation(self, claim):
        # The fields above describe the output (and the OpenAPI schema); building the dict directly is
        # about four times faster than DRF walking 22 fields for each of a page's claims, which was most
        # of a claims page's time. Instances (an article's claims) go through the same row shape.
        row = claim if isinstance(claim, dict) else _claim_row(claim)
        return {
            "id": row["id"],
            "article": row["article_id"],
            "language": row["language"],
            "predicate": row["predicate"],
            "subject": row["subject_name"],
            "object": row["object_name"],
            "value": row["value"],
            "unit": row["unit"],
            "period": row["period"],
            "time": row["time"],
            "role": row["role"],
            "qualifier": row["qualifier"],
            "modality": row["modality"],
            "confidence": row["confidence"],
            "text": row["text"],
            "span": [row["span_start"], row["span_end"]],
            "fact_key": row["fact_key"],
            "status": row["status"],
            "status_version": row["status_version"],
            "needs_review": row["needs_review"],
            "findings": [_FINDING.to_representation(f) for f in row["findings"]],
            "created_at": _when(row["created_at"]),
        }


def _claim_row(claim: Claim) -> dict:
    """A Claim as the row selectors.claim_rows gives (names and language joined in, findings attached)."""
    return {
        **{name: getattr(claim, name) for name in CLAIM_SHOWN},
        "language": claim.article.language,
        "subject_name": claim.subject.name,
        "object_name": claim.object.name if claim.object_id else None,
        "findings": list(claim.findings.all()),
    }


_FINDING = FindingSerializer()


class SightingSerializer(serializers.Serializer):
    """One outlet that ran the article's text; who submitted it is shown only as `mine`."""

    outlet = serializers.CharField(read_only=True)
    source_name = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)
    published = serializers.DateField(read_only=True, allow_null=True)
    seen_at = serializers.DateTimeField(source="created_at", read_only=True)
    mine = serializers.SerializerMethodField()

    def get_mine(self, sighting: Sighting) -> bool:
        request = self.context.get("request")
        return bool(request and request.user.is_authenticated and sighting.submitted_by_id == request.user.pk)


class _AttributedArticle(serializers.ModelSerializer):
    """An article's source_name, url and published as the requester submitted them, if they did.

    The same text sent by two outlets is one article; each submitter sees their own
    attribution, and everyone sees the first outlet's for an article they did not send.
    """

    sightings = SightingSerializer(many=True, read_only=True)
    # Empty when the submitter gave no URL: a string, not a "uri" that could not be empty.
    url = serializers.CharField(read_only=True)
    language = serializers.CharField(read_only=True, help_text="Given or detected; empty until extraction has run.")

    def to_representation(self, article):
        data = super().to_representation(article)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            own = [s for s in article.sightings.all() if s.submitted_by_id == request.user.pk]
            if own:
                latest = own[-1]
                data["source_name"], data["url"] = latest.source_name, latest.url
                data["published"] = latest.published.isoformat() if latest.published else None
        return data


class ArticleSerializer(_AttributedArticle):
    claims = ClaimSerializer(many=True, read_only=True)

    class Meta:
        model = Article
        fields = (
            "id",
            "state",
            "error",
            "language",
            "source_name",
            "url",
            "published",
            "created_at",
            "processed_at",
            "sightings",
            "claims",
        )
        read_only_fields = fields


class ArticleListSerializer(_AttributedArticle):
    class Meta:
        model = Article
        fields = (
            "id",
            "state",
            "language",
            "source_name",
            "url",
            "published",
            "created_at",
            "processed_at",
            "sightings",
        )
        read_only_fields = fields


class ArticleAcceptedSerializer(serializers.ModelSerializer):
    language = serializers.CharField(read_only=True, help_text="Given or detected; empty until extraction has run.")

    class Meta:
        model = Article
        fields = ("id", "state", "language", "source_name", "created_at")
        read_only_fields = fields


class VerdictSerializer(StrictSerializer):
    """Unknown fields are refused by name (a typo such as "verdit" is not a verdict without a value)."""

    verdict = serializers.ChoiceField(choices=[(v, v) for v in Claim.VERDICT_STATUSES])
    note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2000, help_text="Required for refuted."
    )
    expected_version = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=2**31 - 1,
        help_text="The claim's status_version you decided on (or send it as If-Match). A stale one is a 409.",
    )


class FactClaimSerializer(serializers.ModelSerializer):
    source_name = serializers.CharField(source="article.source_name", read_only=True)
    language = serializers.CharField(source="article.language", read_only=True)
    published = serializers.DateField(source="article.published", read_only=True)

    class Meta:
        model = Claim
        fields = (
            "id",
            "article",
            "source_name",
            "language",
            "published",
            "value",
            "qualifier",
            "modality",
            "confidence",
            "status",
            "text",
        )
        read_only_fields = fields

    def to_representation(self, claim):
        # Built directly from a row (selectors.facts_attach_claims), as ClaimSerializer's: a facts page can
        # hold a thousand of these.
        return {
            "id": claim["id"],
            "article": claim["article_id"],
            "source_name": claim["source_name"],
            "language": claim["language"],
            "published": claim["published"].isoformat() if claim["published"] else None,
            "value": claim["value"],
            "qualifier": claim["qualifier"],
            "modality": claim["modality"],
            "confidence": claim["confidence"],
            "status": claim["status"],
            "text": claim["text"],
        }


class FactSerializer(serializers.ModelSerializer):
    subject = serializers.CharField(source="subject.name", read_only=True)
    object = serializers.CharField(source="object.name", read_only=True, allow_null=True, default=None)
    claims = FactClaimSerializer(source="claims_behind", many=True, read_only=True)

    class Meta:
        model = Fact
        fields = (
            "key",
            "predicate",
            "subject",
            "object",
            "unit",
            "period",
            "role",
            "time",
            "consensus_value",
            "basis",
            "verified_claim",
            "sources_agreeing",
            "sources_disagreeing",
            "languages",
            "claim_count",
            "updated_at",
            "claims",
        )
        read_only_fields = fields

    def to_representation(self, fact):
        if not isinstance(fact, dict):  # one fact, by its key
            return super().to_representation(fact)
        return {
            "key": fact["key"],
            "predicate": fact["predicate"],
            "subject": fact["subject_name"],
            "object": fact["object_name"],
            "unit": fact["unit"],
            "period": fact["period"],
            "role": fact["role"],
            "time": fact["time"],
            "consensus_value": fact["consensus_value"],
            "basis": fact["basis"],
            "verified_claim": fact["verified_claim_id"],
            "sources_agreeing": fact["sources_agreeing"],
            "sources_disagreeing": fact["sources_disagreeing"],
            "languages": fact["languages"],
            "claim_count": fact["claim_count"],
            "updated_at": _when(fact["updated_at"]),
            "claims": [_FACT_CLAIM.to_representation(c) for c in fact["claims_behind"]],
        }


_FACT_CLAIM = FactClaimSerializer()
