"""The webhooks API: endpoints (with their secret shown once) and deliveries (with replay).

Everything is scoped to the requesting user: another owner's endpoint or
delivery is not found (404), never forbidden (which would confirm it exists).
"""

from __future__ import annotations

from datetime import timedelta

import django_filters
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from claims.api.filters import IdFilter, choice_filter
from claims.models import ApiKey
from claims.webhooks.models import Attempt, Delivery, Endpoint, Event
from claims.webhooks.security import UnsafeURL
from claims.webhooks.selectors import delivery_list, endpoint_list
from claims.webhooks.services import (
    EndpointLimitReached,
    ReplayRefused,
    deliveries_replay_failed,
    delivery_replay,
    endpoint_create,
    endpoint_rotate_secret,
    endpoint_update,
)


class StrictSerializer(serializers.Serializer):
    """Refuses unknown fields by name, so a typo is not silently ignored."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                accepted = ", ".join(name for name, f in self.fields.items() if not f.read_only)
                raise ValidationError({name: [f"Unknown field. Accepted fields: {accepted}."] for name in unknown})
        return super().to_internal_value(data)


def _event_type() -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=Event.Type.choices,
        error_messages={
            "invalid_choice": f'"{{input}}" is not an event type; use one of {", ".join(Event.Type.values)}.'
        },
    )


WHEN = {"invalid": "Use an ISO 8601 date and time, e.g. 2026-11-25T16:00:00Z."}
SUBSCRIBE = {"min_length": f"Subscribe to one or more of {', '.join(Event.Type.values)}."}


class EndpointSerializer(serializers.ModelSerializer):
    class Meta:
        model = Endpoint
        fields = (
            "id",
            "url",
            "description",
            "event_types",
            "state",
            "disabled_reason",
            "disabled_at",
            "failing_since",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields


class EndpointCreateSerializer(StrictSerializer):
    url = serializers.CharField(max_length=500)
    event_types = serializers.ListField(child=_event_type(), min_length=1, error_messages=SUBSCRIBE)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class EndpointUpdateSerializer(StrictSerializer):
    url = serializers.CharField(max_length=500, required=False)
    event_types = serializers.ListField(child=_event_type(), min_length=1, error_messages=SUBSCRIBE, required=False)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    enabled = serializers.BooleanField(required=False)


class RotateSerializer(StrictSerializer):
    overlap_hours = serializers.IntegerField(min_value=0, max_value=7 * 24, required=False, default=24)


class AttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attempt
        fields = ("number", "started_at", "finished_at", "status_code", "latency_ms", "error", "response_body")
        read_only_fields = fields


class DeliverySerializer(serializers.ModelSerializer):
    webhook_id = serializers.CharField(source="event.webhook_id", read_only=True)
    event_type = serializers.CharField(source="event.type", read_only=True)

    class Meta:
        model = Delivery
        fields = (
            "id",
            "endpoint",
            "webhook_id",
            "event_type",
            "state",
            "attempt_count",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "created_at",
            "completed_at",
        )
        read_only_fields = fields


class DeliveryDetailSerializer(DeliverySerializer):
    payload = serializers.SerializerMethodField()
    attempts = AttemptSerializer(many=True, read_only=True)

    class Meta(DeliverySerializer.Meta):
        fields = (*DeliverySerializer.Meta.fields, "payload", "attempts")
        read_only_fields = fields

    def get_payload(self, delivery: Delivery) -> dict:
        return delivery.event.envelope()


class ReplayFailedSerializer(StrictSerializer):
    since = serializers.DateTimeField()
    until = serializers.DateTimeField()
    endpoint = serializers.IntegerField(required=False, min_value=1)

    def validate(self, attrs):
        if attrs["until"] <= attrs["since"]:
            raise ValidationError({"until": ["The end of the range must be after its start."]})
        return attrs


class EndpointViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Your webhook endpoints. The secret is in the creation (and rotation) answer only: keep it then."""

    serializer_class = EndpointSerializer
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    required_scopes = {"*": ApiKey.Scope.WEBHOOKS}
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Endpoint.objects.none()
        return endpoint_list(owner=self.request.user)

    def create(self, request, *args, **kwargs):
        given = EndpointCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            endpoint, secret = endpoint_create(owner=request.user, **given.validated_data)
        except UnsafeURL as exc:
            raise ValidationError({"url": [str(exc)]}) from None
        except EndpointLimitReached as exc:
            # Not about a field of the body: keyed by what is over the limit, like the url's errors.
            raise ValidationError({"endpoints": [str(exc)]}) from None
        return Response({**EndpointSerializer(endpoint).data, "secret": secret}, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        endpoint = self.get_object()
        given = EndpointUpdateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            endpoint = endpoint_update(endpoint=endpoint, **given.validated_data)
        except UnsafeURL as exc:
            raise ValidationError({"url": [str(exc)]}) from None
        return Response(EndpointSerializer(endpoint).data)

    @action(detail=True, methods=["post"], url_path="rotate-secret", serializer_class=RotateSerializer)
    def rotate_secret(self, request, pk=None):
        """A new secret, shown this once; the old one keeps signing for `overlap_hours` (default 24)."""
        endpoint = self.get_object()
        given = RotateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        secret, ends = endpoint_rotate_secret(
            endpoint=endpoint, overlap=timedelta(hours=given.validated_data["overlap_hours"])
        )
        return Response({"secret": secret, "previous_secrets_expire_at": ends}, status=status.HTTP_201_CREATED)


class DeliveryFilter(django_filters.FilterSet):
    endpoint = IdFilter(field_name="endpoint_id", noun="endpoint id")
    state = choice_filter(Delivery.State.choices, "state")
    event_type = choice_filter(Event.Type.choices, "event type", field_name="event__type")
    since = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte", error_messages=WHEN)
    until = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt", error_messages=WHEN)

    class Meta:
        model = Delivery
        fields = ["endpoint", "state", "event_type", "since", "until"]


class DeliveryViewSet(viewsets.ReadOnlyModelViewSet):
    """Deliveries to your endpoints with every attempt; filter with ?endpoint=&state=&event_type=&since=&until=."""

    filterset_class = DeliveryFilter
    required_scopes = {"*": ApiKey.Scope.WEBHOOKS}
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Delivery.objects.none()
        return delivery_list(owner=self.request.user, detail=self.action != "list")

    def get_serializer_class(self):
        return DeliverySerializer if self.action == "list" else DeliveryDetailSerializer

    @action(detail=True, methods=["post"])
    def replay(self, request, pk=None):
        """Send this delivery again, from the start of the schedule, with the same webhook-id."""
        try:
            delivery = delivery_replay(delivery=self.get_object())
        except ReplayRefused as exc:
            raise ValidationError({exc.field: [str(exc)]}) from None
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)

    @action(detail=False, methods=["post"], url_path="replay-failed", serializer_class=ReplayFailedSerializer)
    def replay_failed(self, request):
        """Replay every failed delivery of events created in [since, until), optionally of one endpoint."""
        given = ReplayFailedSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        endpoint = None
        if "endpoint" in given.validated_data:
            endpoint = endpoint_list(owner=request.user).filter(pk=given.validated_data["endpoint"]).first()
            if endpoint is None:
                raise NotFound("No such endpoint.")
        count = deliveries_replay_failed(
            owner=request.user,
            since=given.validated_data["since"],
            until=given.validated_data["until"],
            endpoint=endpoint,
        )
        return Response({"replayed": count}, status=status.HTTP_202_ACCEPTED)
