from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        # Register the tasks with Celery in every process (web too): services queue them by name.
        import claims.webhooks.tasks  # noqa: F401
