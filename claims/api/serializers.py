from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from claims.models import Article, Claim, Fact, Finding, Language


class StrictCharField(serializers.CharField):
    """A string field that refuses numbers and booleans instead of turning them into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ArticleSubmitSerializer(serializers.Serializer):
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

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                accepted = ", ".join(self.fields)
                raise serializers.ValidationError(
                    {name: [f"Unknown field. Accepted fields: {accepted}."] for name in unknown}
                )
        return super().to_internal_value(data)

    def validate_text(self, text: str) -> str:
        if not text.strip():
            raise serializers.ValidationError("The text is empty or only whitespace.")
        size = len(text.encode("utf-8"))
        limit = settings.FACTCHECK_MAX_ARTICLE_BYTES
        if size > limit:
            raise serializers.ValidationError(f"The text is {size:,} bytes long (UTF-8); the limit is {limit:,} bytes.")
        return text


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ("id", "kind", "other_claim", "independent", "explanation", "created_at")
        read_only_fields = fields


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


class ArticleSerializer(serializers.ModelSerializer):
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
            "claims",
        )
        read_only_fields = fields


class ArticleAcceptedSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ("id", "state", "language", "source_name", "created_at")
        read_only_fields = fields


class VerdictSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=[(v, v) for v in Claim.VERDICT_STATUSES])
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


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
