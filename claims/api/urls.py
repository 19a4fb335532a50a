from rest_framework.routers import DefaultRouter

from claims.api.views import ArticleViewSet, ClaimViewSet, FactViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("facts", FactViewSet, basename="fact")

urlpatterns = router.urls
