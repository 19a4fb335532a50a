from rest_framework.routers import DefaultRouter

from claims.api.views import ArticleViewSet, ClaimViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")

urlpatterns = router.urls
