from rest_framework.routers import DefaultRouter

from claims.api.views import ArticleViewSet, ClaimReviewViewSet, ClaimViewSet, FactViewSet
from claims.webhooks.api import DeliveryViewSet, EndpointViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("facts", FactViewSet, basename="fact")
router.register("claimreviews", ClaimReviewViewSet, basename="claimreview")
router.register("webhooks/endpoints", EndpointViewSet, basename="webhook-endpoint")
router.register("webhooks/deliveries", DeliveryViewSet, basename="webhook-delivery")

urlpatterns = router.urls
